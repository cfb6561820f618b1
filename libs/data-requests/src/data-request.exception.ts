import { codesOf, moduleException } from '@dh/errors';
import errors from './data-request.errors.json';

export const DataRequestExceptionCode = codesOf(errors);
export type DataRequestExceptionCode = keyof typeof errors;
export class DataRequestException extends moduleException(errors) {}
