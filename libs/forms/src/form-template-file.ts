import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '@dh/config';
import { FORM_KEYS, KeySpec } from './form-keys';
import { ChoiceOption, FIELD_KINDS, FORM_NUMBERS, FormField, FormNumber, FormTemplate } from './form-template';

const VARIABLE = 'FORMS_DIR';
// mau-01.v1.json … mau-04.v1.json, mau-ke-hoach.v1.json, mau-lien-he-gia-dinh.v1.json.
const FILE_NAME = /^mau-(\d{2}|[a-z]+(?:-[a-z]+)*)\.v(\d+)\.json$/;

type Obj = Record<string, unknown>;

// Checked like the SLA policy and the directory seed: a template that cannot print what its loader fills stops
// the start, with a message naming the file and the field, before any form is asked for.
class TemplateProblem extends Error {}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const fail = (path: string, problem: string): never => {
  throw new TemplateProblem(`${path}: ${problem}`);
};

const onlyKeys = (o: Obj, path: string, allowed: string[]): void => {
  const extra = Object.keys(o).filter((k) => !allowed.includes(k));
  if (extra.length)
    fail(
      path,
      `unknown propert${extra.length > 1 ? 'ies' : 'y'} ${extra.map((k) => `"${k}"`).join(', ')} (allowed: ${allowed.join(', ')})`,
    );
};

const nonEmptyText = (v: unknown, path: string): string =>
  typeof v === 'string' && v.trim() !== '' ? v : fail(path, 'must be a non-empty text');

const wholeNumber = (v: unknown, path: string, min: number, max: number): number | undefined => {
  if (v === undefined) return undefined;
  return Number.isInteger(v) && (v as number) >= min && (v as number) <= max
    ? (v as number)
    : fail(path, `must be a whole number from ${min} to ${max}`);
};

const list = (v: unknown, path: string): unknown[] =>
  Array.isArray(v) && v.length > 0 ? v : fail(path, 'must be a non-empty list');

const specOf = (keys: Record<string, KeySpec>, key: string, path: string, kind: FormField['kind']): KeySpec => {
  const spec = keys[key];
  if (!spec)
    return fail(`${path}.key`, `"${key}" is not a key this form fills (known: ${Object.keys(keys).join(', ')})`);
  if (spec.kind !== kind) return fail(`${path}.kind`, `"${key}" holds a ${spec.kind}, not a ${kind}`);
  return spec;
};

// The labels of a choice's (or a coded column's) codes: each a code the loader gives, once; a detail names a text key.
const parseOptions = (
  raw: unknown,
  path: string,
  key: string,
  known: readonly string[],
  keys: Record<string, KeySpec>,
): ChoiceOption[] => {
  const options = list(raw, path).map((o, i) => {
    const p = `${path}[${i}]`;
    if (!isObj(o)) return fail(p, 'must be an object { value, label }');
    onlyKeys(o, p, ['value', 'label', 'detailKey']);
    const value = nonEmptyText(o.value, `${p}.value`);
    if (!known.includes(value))
      fail(`${p}.value`, `"${value}" is not a value of "${key}" (known: ${known.join(', ')})`);
    const detailKey = o.detailKey === undefined ? undefined : nonEmptyText(o.detailKey, `${p}.detailKey`);
    if (detailKey !== undefined && keys[detailKey]?.kind !== 'text')
      fail(`${p}.detailKey`, `"${detailKey}" is not a text this form fills`);
    return { value, label: nonEmptyText(o.label, `${p}.label`), ...(detailKey ? { detailKey } : {}) };
  });
  if (new Set(options.map((o) => o.value)).size !== options.length) fail(path, 'each value may appear once');
  return options;
};

const parseField = (raw: unknown, path: string, keys: Record<string, KeySpec>): FormField => {
  if (!isObj(raw)) return fail(path, 'must be an object { key, label, kind, … }');
  const kind = raw.kind as FormField['kind'];
  if (!FIELD_KINDS.includes(kind)) return fail(`${path}.kind`, `must be one of ${FIELD_KINDS.join(', ')}`);
  const key = nonEmptyText(raw.key, `${path}.key`);
  const at = `${path} ("${key}")`;
  const label = nonEmptyText(raw.label, `${at}.label`);
  const spec = specOf(keys, key, at, kind);
  switch (kind) {
    case 'text':
      onlyKeys(raw, at, ['key', 'label', 'kind', 'dots', 'lines']);
      return {
        key,
        label,
        kind,
        dots: wholeNumber(raw.dots, `${at}.dots`, 3, 200),
        lines: wholeNumber(raw.lines, `${at}.lines`, 1, 20),
      };
    case 'date':
      onlyKeys(raw, at, ['key', 'label', 'kind']);
      return { key, label, kind };
    case 'signature': {
      onlyKeys(raw, at, ['key', 'label', 'kind', 'dateKey', 'note']);
      const dateKey = raw.dateKey === undefined ? undefined : nonEmptyText(raw.dateKey, `${at}.dateKey`);
      if (dateKey !== undefined && keys[dateKey]?.kind !== 'date')
        fail(`${at}.dateKey`, `"${dateKey}" is not a date this form fills`);
      const note = raw.note === undefined ? undefined : nonEmptyText(raw.note, `${at}.note`);
      return { key, label, kind, dateKey, ...(note ? { note } : {}) };
    }
    case 'checkbox-choice': {
      onlyKeys(raw, at, ['key', 'label', 'kind', 'options']);
      const options = parseOptions(
        raw.options,
        `${at}.options`,
        key,
        (spec as Extract<KeySpec, { kind: 'checkbox-choice' }>).values,
        keys,
      );
      return { key, label, kind, options };
    }
    case 'table': {
      onlyKeys(raw, at, ['key', 'label', 'kind', 'columns', 'emptyRows']);
      const known = (spec as Extract<KeySpec, { kind: 'table' }>).columns;
      const columns = list(raw.columns, `${at}.columns`).map((c, i) => {
        const p = `${at}.columns[${i}]`;
        if (!isObj(c)) return fail(p, 'must be an object { key, label, options? }');
        onlyKeys(c, p, ['key', 'label', 'options']);
        const column = nonEmptyText(c.key, `${p}.key`);
        const codes = known[column];
        if (codes === undefined)
          fail(`${p}.key`, `"${column}" is not a column of "${key}" (known: ${Object.keys(known).join(', ')})`);
        const columnLabel = nonEmptyText(c.label, `${p}.label`);
        if (codes === null) {
          if (c.options !== undefined) fail(`${p}.options`, `"${column}" holds free text, not codes`);
          return { key: column, label: columnLabel };
        }
        return {
          key: column,
          label: columnLabel,
          options: parseOptions(c.options, `${p}.options`, `${key}.${column}`, codes, {}),
        };
      });
      return { key, label, kind, columns, emptyRows: wholeNumber(raw.emptyRows, `${at}.emptyRows`, 0, 30) };
    }
  }
};

export const parseFormTemplate = (raw: unknown): FormTemplate => {
  if (!isObj(raw)) return fail('template', 'must be an object { form, version, title, sections }');
  onlyKeys(raw, 'template', ['form', 'version', 'title', 'subtitle', 'sections']);
  const form = raw.form as FormNumber;
  if (!FORM_NUMBERS.includes(form)) fail('form', `must be one of ${FORM_NUMBERS.join(', ')}`);
  const version = wholeNumber(raw.version, 'version', 1, 9999) ?? fail('version', 'is required');
  const keys = FORM_KEYS[form];
  const sections = list(raw.sections, 'sections').map((s, i) => {
    if (!isObj(s)) return fail(`sections[${i}]`, 'must be an object { heading?, fields }');
    onlyKeys(s, `sections[${i}]`, ['heading', 'fields']);
    const heading = s.heading === undefined ? undefined : nonEmptyText(s.heading, `sections[${i}].heading`);
    return {
      heading,
      fields: list(s.fields, `sections[${i}].fields`).map((f, j) => parseField(f, `sections[${i}].fields[${j}]`, keys)),
    };
  });
  const subtitle = raw.subtitle === undefined ? undefined : nonEmptyText(raw.subtitle, 'subtitle');
  return { form, version, title: nonEmptyText(raw.title, 'title'), subtitle, sections };
};

// Every template of the directory, checked; the highest version of each form is the one printed. All four forms
// must be there: a deployment that cannot print one finds out at start, not when a counsellor asks.
export const loadFormTemplates = (dir: string): Map<FormNumber, FormTemplate> => {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch (e) {
    throw new ConfigError(VARIABLE, `${dir}: cannot be read (${(e as Error).message})`);
  }
  const latest = new Map<FormNumber, FormTemplate>();
  for (const name of names) {
    const file = join(dir, name);
    const m = FILE_NAME.exec(name);
    if (!m)
      throw new ConfigError(
        VARIABLE,
        `${file}: a template is named mau-<form>.v<version>.json (mau-01.v1.json, mau-ke-hoach.v1.json)`,
      );
    let template: FormTemplate;
    try {
      template = parseFormTemplate(JSON.parse(readFileSync(file, 'utf8')));
    } catch (e) {
      throw new ConfigError(VARIABLE, `${file}: ${(e as Error).message}`);
    }
    if (template.form !== m[1] || template.version !== Number(m[2])) {
      throw new ConfigError(
        VARIABLE,
        `${file}: holds form ${template.form} version ${template.version}; the file name must say the same`,
      );
    }
    const current = latest.get(template.form);
    if (!current || current.version < template.version) latest.set(template.form, template);
  }
  const missing = FORM_NUMBERS.filter((n) => !latest.has(n));
  if (missing.length)
    throw new ConfigError(VARIABLE, `${dir}: no template for form ${missing.join(', ')} (mau-<form>.v1.json)`);
  return latest;
};
