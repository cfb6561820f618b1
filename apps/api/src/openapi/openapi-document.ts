import { INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  OpenAPIObject,
  OperationObject,
  ResponseObject,
  SchemaObject,
  SwaggerModule,
} from '@nestjs/swagger';
import { COMMON_ERROR_STATUS, CommonErrorCode, problemResponse, ProblemResponse } from '@dh/errors';
import { IdentityException, IdentityExceptionCode } from '@dh/identity';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const codesOf = (response: ResponseObject | undefined): string[] => {
  const schema = response?.content?.['application/json']?.schema as SchemaObject | undefined;
  const narrowed = schema?.allOf?.[1] as SchemaObject | undefined;
  const code = narrowed?.properties?.code as SchemaObject | undefined;
  return (code?.enum as string[] | undefined) ?? [];
};

const addCode = (op: OperationObject, status: number, code: string): void => {
  const codes = new Set([...codesOf(op.responses[status] as ResponseObject | undefined), code]);
  op.responses[status] = problemResponse([...codes].sort());
};

// What every route answers by how it is built, so that no controller has to repeat it: the bearer guard's 401,
// the validation pipe's 400 where there is input, and whatever the server cannot help (500, 503) as `default`.
const addCommonErrors = (op: OperationObject): void => {
  const { UNAUTHENTICATED } = IdentityExceptionCode;
  const { VALIDATION_FAILED, MALFORMED_JSON } = CommonErrorCode;
  if (op.security?.length) addCode(op, IdentityException.statuses[UNAUTHENTICATED], UNAUTHENTICATED);
  if (op.parameters?.length || op.requestBody) addCode(op, COMMON_ERROR_STATUS[VALIDATION_FAILED], VALIDATION_FAILED);
  if (op.requestBody) addCode(op, COMMON_ERROR_STATUS[MALFORMED_JSON], MALFORMED_JSON);
  op.responses.default = problemResponse([CommonErrorCode.INTERNAL, CommonErrorCode.DATABASE_UNAVAILABLE]);
  // An error is JSON even where the success is a file (the forms).
  for (const [status, response] of Object.entries(op.responses) as [string, ResponseObject][]) {
    const content = response.content;
    if (Number(status) >= 400 && content && !content['application/json']) {
      response.content = { 'application/json': Object.values(content)[0] };
    }
  }
};

// Objects with their keys in order, arrays as they are: the committed openapi.json then diffs line by line.
const sortKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
  );
};

// The one document: served by the app at /api/docs, written to openapi.json by `npm run openapi`.
export const buildOpenApiDocument = (app: INestApplication): OpenAPIObject => {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Đồng Hành API')
      .setDescription(
        'Quản lý hồ sơ tư vấn học đường và công tác xã hội trong trường học (Thông tư 18/2025/TT-BGDĐT) / ' +
          'school counselling case management',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
    { extraModels: [ProblemResponse] },
  );
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const op = path[method];
      if (op) addCommonErrors(op);
    }
  }
  return sortKeys(document) as OpenAPIObject;
};

export const serializeOpenApiDocument = (document: OpenAPIObject): string => `${JSON.stringify(document, null, 2)}\n`;
