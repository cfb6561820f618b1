import { codesOf, moduleException } from '@dh/errors';
import errors from './directory.errors.json';

export const DirectoryExceptionCode = codesOf(errors);
export type DirectoryExceptionCode = keyof typeof errors;
export class DirectoryException extends moduleException(errors) {}
