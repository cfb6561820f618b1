import type { OpenAPIObject, OperationObject, ReferenceObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import request from 'supertest';
import type { TestApp } from './test-app';

type Schema = SchemaObject | ReferenceObject;
export type Seen = { method: string; path: string; status: number; type: string; body: unknown };

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const resolve = (doc: OpenAPIObject, s: Schema): SchemaObject =>
  '$ref' in s ? resolve(doc, doc.components?.schemas?.[s.$ref.split('/').pop() ?? ''] as Schema) : s;

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

// What in `value` the schema does not describe: a missing required field, an extra field, a wrong type or an
// unlisted enum value. Enough of JSON Schema for what @nestjs/swagger writes; nothing is waved through.
export const problemsOf = (doc: OpenAPIObject, schema: Schema, value: unknown, at = '$'): string[] => {
  const s = resolve(doc, schema);
  if (value === null) return s.nullable ? [] : [`${at}: null where the schema says not nullable`];
  if (s.allOf) return mergedProblems(doc, s.allOf, value, at);
  if (s.oneOf) {
    const fits = s.oneOf.some((o) => problemsOf(doc, o, value, at).length === 0);
    return fits ? [] : [`${at}: none of oneOf (${JSON.stringify(value)})`];
  }
  if (s.enum && !s.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} not in ${JSON.stringify(s.enum)}`];
  const kind = typeOf(value);
  switch (s.type) {
    case undefined:
      return s.properties ? objectProblems(doc, s, value, at) : [];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${at}: ${kind} where an integer is due`];
    case 'number':
    case 'string':
    case 'boolean':
      return kind === s.type ? [] : [`${at}: ${kind} where ${s.type} is due`];
    case 'array':
      if (kind !== 'array') return [`${at}: ${kind} where array is due`];
      return (value as unknown[]).flatMap((v, i) => problemsOf(doc, s.items ?? {}, v, `${at}[${i}]`));
    case 'object':
      return kind !== 'object' ? [`${at}: ${kind} where object is due`] : objectProblems(doc, s, value, at);
    default:
      return [`${at}: schema type ${String(s.type)} not understood`];
  }
};

const objectProblems = (doc: OpenAPIObject, s: SchemaObject, value: unknown, at: string): string[] => {
  const held = value as Record<string, unknown>;
  const props = s.properties ?? {};
  const missing = (s.required ?? []).filter((k) => !(k in held)).map((k) => `${at}.${k}: required, missing`);
  const each = Object.entries(held).flatMap(([k, v]) => {
    if (props[k]) return v === undefined ? [] : problemsOf(doc, props[k], v, `${at}.${k}`);
    if (s.additionalProperties === true || (s.additionalProperties === undefined && !s.properties)) return [];
    if (s.additionalProperties) return problemsOf(doc, s.additionalProperties, v, `${at}.${k}`);
    return [`${at}.${k}: not in the schema`];
  });
  return [...missing, ...each];
};

// allOf as @nestjs/swagger and @ApiErrors write it: one object's properties narrowed by another's.
const mergedProblems = (doc: OpenAPIObject, parts: Schema[], value: unknown, at: string): string[] => {
  const resolved = parts.map((p) => resolve(doc, p));
  if (resolved.length === 1) return problemsOf(doc, resolved[0], value, at);
  const merged: SchemaObject = { type: 'object', properties: {}, required: [] };
  for (const p of resolved) {
    Object.assign(merged.properties as object, p.properties);
    merged.required = [...(merged.required ?? []), ...(p.required ?? [])];
  }
  return problemsOf(doc, merged, value, at);
};

// Every operation of the document, with what matches a request of it ("post /api/cases/<uuid>/events").
type Operation = { op: OperationObject; matches: (method: string, path: string) => boolean };
export const operationsOf = (doc: OpenAPIObject): Operation[] =>
  Object.entries(doc.paths).flatMap(([template, item]) =>
    METHODS.flatMap((m) => {
      const op = item[m];
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      return op ? [{ op, matches: (method: string, path: string) => method === m && pattern.test(path) }] : [];
    }),
  );

const operationOf = (doc: OpenAPIObject, method: string, path: string): OperationObject | undefined =>
  operationsOf(doc).find((o) => o.matches(method, path))?.op;

// Each answer held against the document: its operation exists, its status is declared (or `default`), and a
// JSON body matches the schema declared for that status.
export const conformance = (doc: OpenAPIObject, seen: Seen[]): string[] =>
  seen.flatMap(({ method, path, status, type, body }) => {
    const where = `${method.toUpperCase()} ${path} ${status}`;
    const op = operationOf(doc, method, path);
    if (!op) return [`${where}: no such operation in the document`];
    const response = (op.responses[status] ?? (status >= 400 ? op.responses.default : undefined)) as
      ResponseObject | undefined;
    if (!response) return [`${where}: status not declared (${JSON.stringify(body).slice(0, 200)})`];
    if (!type.startsWith('application/json')) {
      return response.content?.[type.split(';')[0]] || status === 204 ? [] : [`${where}: ${type} not declared`];
    }
    const schema = response.content?.['application/json']?.schema;
    if (!schema) return [`${where}: JSON body where none is declared`];
    return problemsOf(doc, schema, body).map((p) => `${where}: ${p}`);
  });

// The test app with every answer it gives written down, to hold a walk through the API against the document.
export const recording = (t: TestApp, seen: Seen[]): TestApp => ({
  ...t,
  http: () => {
    const agent = request(t.app.getHttpServer());
    const wrap = (method: (typeof METHODS)[number]) => (url: string) =>
      agent[method](url).on('response', (res: request.Response) => {
        const type = String(res.headers['content-type'] ?? '');
        seen.push({ method, path: url.split('?')[0], status: res.status, type, body: res.body });
      });
    return { ...agent, ...Object.fromEntries(METHODS.map((m) => [m, wrap(m)])) } as ReturnType<TestApp['http']>;
  },
});
