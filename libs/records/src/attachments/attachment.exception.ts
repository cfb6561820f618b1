import { codesOf, moduleException } from '@dh/errors';
import errors from './attachment.errors.json';

export const AttachmentExceptionCode = codesOf(errors);
export type AttachmentExceptionCode = keyof typeof errors;
export class AttachmentException extends moduleException(errors) {}
