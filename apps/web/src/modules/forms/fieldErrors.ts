import type { FormInstance } from 'antd';

export type FieldDetail = { field: string; problems: string[] };

// The API's field path ('guardians[0].phone', 'payload.reason') as a form's name path, without the given prefix.
export const namePathOf = (field: string, prefix = ''): (string | number)[] =>
  field
    .slice(field.startsWith(prefix) ? prefix.length : 0)
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));

// A 400's field problems placed under the inputs that hold those fields; answers the ones no input holds, for the
// message above the form.
export const placeFieldErrors = (
  form: FormInstance,
  details: unknown,
  fields: string[],
  prefix = '',
): FieldDetail[] => {
  if (!Array.isArray(details)) return [];
  const placed = (details as FieldDetail[]).filter((d) => fields.includes(String(namePathOf(d.field, prefix)[0])));
  form.setFields(placed.map((d) => ({ name: namePathOf(d.field, prefix), errors: d.problems })));
  return (details as FieldDetail[]).filter((d) => !placed.includes(d));
};
