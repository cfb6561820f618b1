import { HttpStatus } from '@nestjs/common';
import { DECORATORS, getSchemaPath, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { ProblemResponse } from './problem-response.dto';

// The problem body, with `code` narrowed to the codes this status answers here.
export const problemSchema = (codes: readonly string[]): SchemaObject => ({
  allOf: [
    { $ref: getSchemaPath(ProblemResponse) },
    { type: 'object', properties: { code: { type: 'string', enum: [...codes] } } },
  ],
});

export const problemResponse = (codes: readonly string[]): ResponseObject => ({
  description: codes.join(', '),
  content: { 'application/json': { schema: problemSchema(codes) } },
});

// The codes of an operation, by status, kept on the handler so that several @ApiErrors (one per module) add up.
const ERROR_CODES = 'dh:api-error-codes';
type CodesByStatus = Record<number, string[]>;

/**
 * The module error codes an operation can answer, each under the status its exception's map gives it:
 * `@ApiErrors(CaseException.statuses, CaseExceptionCode.CASE_NOT_FOUND, CaseExceptionCode.STALE_VERSION)`.
 * Codes every route can answer (VALIDATION_FAILED, UNAUTHENTICATED, …) are added to the document in one place.
 */
export const ApiErrors =
  <C extends string>(statuses: Readonly<Record<C, HttpStatus>>, ...codes: C[]): MethodDecorator =>
  (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const byStatus: CodesByStatus = { ...(Reflect.getMetadata(ERROR_CODES, handler) as CodesByStatus | undefined) };
    for (const code of codes) {
      const status = statuses[code];
      byStatus[status] = [...new Set([...(byStatus[status] ?? []), code])].sort();
    }
    Reflect.defineMetadata(ERROR_CODES, byStatus, handler);
    // Written in place rather than through @ApiResponse, which would join the descriptions of a status declared twice.
    const responses = Object.fromEntries(
      Object.entries(byStatus).map(([status, list]) => [
        status,
        { description: list.join(', '), schema: problemSchema(list) },
      ]),
    );
    const declared = Reflect.getMetadata(DECORATORS.API_RESPONSE, handler) as object | undefined;
    Reflect.defineMetadata(DECORATORS.API_RESPONSE, { ...declared, ...responses }, handler);
  };

// Adds a sentence to what an already declared error status says (who may call the route, beside the 403's codes).
// Applied after the @ApiErrors that declared the status.
export const ApiErrorNote =
  (status: HttpStatus, note: string): MethodDecorator =>
  (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const declared = Reflect.getMetadata(DECORATORS.API_RESPONSE, handler) as Record<string, { description?: string }>;
    const response = declared[status];
    Reflect.defineMetadata(
      DECORATORS.API_RESPONSE,
      { ...declared, [status]: { ...response, description: `${response.description}. ${note}` } },
      handler,
    );
  };
