import { readFileSync } from 'node:fs';
import type { OpenAPIObject, ResponseObject } from '@nestjs/swagger';
import { generateOpenApiJson } from '../../apps/api/src/openapi/generate-openapi';
import { generateWebClientTypes, WEB_CLIENT_TYPES_FILE } from '../../apps/api/src/openapi/web-client-types';
import { OPENAPI_FILE } from '../../apps/api/src/openapi/write-openapi';
import { operationsOf } from '../support/openapi-conformance';

// Routes whose only failure is the server's own (`default`): a constant, a challenge made from nothing.
const NO_DECLARED_ERROR = new Set(['LabelsController_labels', 'PublicIntakeController_challenge']);
const PROBLEM = '#/components/schemas/ProblemResponse';
const EMPTY = JSON.stringify({ type: 'object' });

describe('the OpenAPI document', () => {
  let generated: string;
  let document: OpenAPIObject;
  const responsesOf = () =>
    operationsOf(document).flatMap(({ op }) =>
      Object.entries(op.responses).map(([status, r]) => ({
        id: `${op.operationId} ${status}`,
        status,
        response: r as ResponseObject,
      })),
    );

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

  it('is what the web app’s committed types were generated from', () => {
    const committed = readFileSync(WEB_CLIENT_TYPES_FILE, 'utf8');
    if (committed !== generateWebClientTypes(generated)) {
      throw new Error(
        'apps/web/src/modules/api/openapiTypes.ts differs from the routes: run `npm run openapi` and commit it.',
      );
    }
  });

  it('gives every operation a success with a schema, or an explicit no-content', () => {
    const succeeds = (status: string, response: ResponseObject): boolean => {
      if (!/^2\d\d$/.test(status)) return false;
      if (status === '204') return !response.content;
      return Object.values(response.content ?? {}).some((media) => media.schema !== undefined);
    };
    const missing = operationsOf(document).filter(
      ({ op }) => !Object.entries(op.responses).some(([s, r]) => succeeds(s, r as ResponseObject)),
    );
    expect(missing.map(({ op }) => op.operationId)).toEqual([]);
  });

  it('gives every operation at least one error it declares, each with the problem body', () => {
    const declares = (status: string) => /^[45]\d\d$/.test(status);
    const bare = operationsOf(document)
      .filter(({ op }) => !NO_DECLARED_ERROR.has(op.operationId ?? ''))
      .filter(({ op }) => !Object.keys(op.responses).some(declares))
      .map(({ op }) => op.operationId);
    expect(bare).toEqual([]);
    const untyped = responsesOf()
      .filter(({ status }) => status === 'default' || Number(status) >= 400)
      .filter(
        ({ response }) => !JSON.stringify(response.content?.['application/json']?.schema ?? {}).includes(PROBLEM),
      );
    expect(untyped.map(({ id }) => id)).toEqual([]);
  });

  it('gives every success a named body, not an empty object', () => {
    const vague = responsesOf()
      .filter(({ status }) => /^2\d\d$/.test(status))
      .filter(({ response }) => Object.values(response.content ?? {}).some((m) => JSON.stringify(m.schema) === EMPTY));
    expect(vague.map(({ id }) => id)).toEqual([]);
  });
});
