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
// message above the form. An input named by the whole dotted field ('person.fullName', as the case's record forms
// name theirs) takes it as it is; otherwise the field is a path into a nested input ('guardians[0].phone').
export const placeFieldErrors = (
  form: FormInstance,
  details: unknown,
  fields: string[],
  prefix = '',
): FieldDetail[] => {
  if (!Array.isArray(details)) return [];
  const nameOf = (d: FieldDetail): string | (string | number)[] | null => {
    const whole = d.field.startsWith(prefix) ? d.field.slice(prefix.length) : d.field;
    if (fields.includes(whole)) return whole;
    const path = namePathOf(d.field, prefix);
    return fields.includes(String(path[0])) ? path : null;
  };
  const named = (details as FieldDetail[]).map((d) => ({ d, name: nameOf(d) }));
  form.setFields(named.flatMap(({ d, name }) => (name === null ? [] : [{ name, errors: d.problems }])));
  return named.filter(({ name }) => name === null).map(({ d }) => d);
};
