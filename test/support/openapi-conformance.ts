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
  if (s.oneOf) return s.oneOf.some((o) => problemsOf(doc, o, value, at).length === 0) ? [] : [`${at}: matches none of oneOf (${JSON.stringify(value)})`];
  if (s.enum && !s.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} not in enum ${JSON.stringify(s.enum)}`];
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
      return kind !== 'array' ? [`${at}: ${kind} where array is due`] : (value as unknown[]).flatMap((v, i) => problemsOf(doc, s.items ?? {}, v, `${at}[${i}]`));
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

const operationOf = (doc: OpenAPIObject, method: string, path: string): OperationObject | undefined => {
  for (const [template, item] of Object.entries(doc.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const op = item[method as (typeof METHODS)[number]];
    if (op && pattern.test(path)) return op;
  }
  return undefined;
};

// Each answer held against the document: its operation exists, its status is declared (or `default`), and a
// JSON body matches the schema declared for that status.
export const conformance = (doc: OpenAPIObject, seen: Seen[]): string[] =>
  seen.flatMap(({ method, path, status, type, body }) => {
    const where = `${method.toUpperCase()} ${path} ${status}`;
    const op = operationOf(doc, method, path);
    if (!op) return [`${where}: no such operation in the document`];
    const response = (op.responses[status] ?? (status >= 400 ? op.responses.default : undefined)) as ResponseObject | undefined;
    if (!response) return [`${where}: status not declared (${JSON.stringify(body).slice(0, 200)})`];
    if (!type.startsWith('application/json')) return response.content?.[type.split(';')[0]] || status === 204 ? [] : [`${where}: ${type} not declared`];
    const schema = response.content?.['application/json']?.schema;
    return schema ? problemsOf(doc, schema, body).map((p) => `${where}: ${p}`) : [`${where}: JSON body where none is declared`];
  });

// The test app with every answer it gives written down, so that a walk through the API can be held against the document.
export const recording = (t: TestApp, seen: Seen[]): TestApp => ({
  ...t,
  http: () => {
    const agent = request(t.app.getHttpServer());
    const wrap = (method: (typeof METHODS)[number]) => (url: string) =>
      agent[method](url).on('response', (res: request.Response) => {
        seen.push({ method, path: url.split('?')[0], status: res.status, type: String(res.headers['content-type'] ?? ''), body: res.body });
      });
    return { ...agent, get: wrap('get'), put: wrap('put'), post: wrap('post'), delete: wrap('delete'), patch: wrap('patch') } as ReturnType<TestApp['http']>;
  },
});
