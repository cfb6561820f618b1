import { readFileSync } from 'node:fs';
import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import { generateOpenApiJson } from '../../apps/api/src/openapi/generate-openapi';
import { OPENAPI_FILE } from '../../apps/api/src/openapi/write-openapi';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

// Routes whose only failure is the server's own (`default`): a constant, a challenge made from nothing.
const NO_DECLARED_ERROR = new Set(['LabelsController_labels', 'PublicIntakeController_challenge']);

const operationsOf = (document: OpenAPIObject): OperationObject[] =>
  Object.values(document.paths).flatMap((path) => METHODS.flatMap((m) => (path[m] ? [path[m]] : [])));

describe('the OpenAPI document', () => {
  let generated: string;
  let document: OpenAPIObject;

  beforeAll(async () => {
    generated = await generateOpenApiJson();
    document = JSON.parse(generated) as OpenAPIObject;
  });

  it('is the committed openapi.json', () => {
    const committed = readFileSync(OPENAPI_FILE, 'utf8');
    if (committed !== generated) {
      throw new Error('openapi.json differs from the routes: run `npm run openapi` and commit openapi.json.');
    }
  });

  it('gives every operation a success with a schema, or an explicit no-content', () => {
    const missing = operationsOf(document).filter((op) =>
      !Object.entries(op.responses).some(([status, r]) => {
        const response = r as ResponseObject;
        if (!/^2\d\d$/.test(status)) return false;
        if (status === '204') return !response.content;
        return Object.values(response.content ?? {}).some((media) => media.schema !== undefined);
      }),
    );
    expect(missing.map((op) => op.operationId)).toEqual([]);
  });

  it('gives every operation at least one error it declares, each with the problem body', () => {
    const ops = operationsOf(document);
    const bare = ops.filter((op) => !NO_DECLARED_ERROR.has(op.operationId ?? '') && !Object.keys(op.responses).some((s) => /^[45]\d\d$/.test(s)));
    expect(bare.map((op) => op.operationId)).toEqual([]);
    const untyped = ops.flatMap((op) =>
      Object.entries(op.responses)
        .filter(([s, r]) => (s === 'default' || Number(s) >= 400) && !JSON.stringify((r as ResponseObject).content?.['application/json']?.schema ?? {}).includes('#/components/schemas/ProblemResponse'))
        .map(([s]) => `${op.operationId} ${s}`),
    );
    expect(untyped).toEqual([]);
  });

  it('gives every operation a named response body, not an empty object', () => {
    const vague = operationsOf(document).flatMap((op) =>
      Object.entries(op.responses)
        .filter(([s]) => /^2\d\d$/.test(s))
        .filter(([, r]) => Object.values((r as ResponseObject).content ?? {}).some((m) => JSON.stringify(m.schema) === '{"type":"object"}'))
        .map(([s]) => `${op.operationId} ${s}`),
    );
    expect(vague).toEqual([]);
  });
});
