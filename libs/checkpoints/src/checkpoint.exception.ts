import { codesOf, moduleException } from '@dh/errors';
import errors from './checkpoint.errors.json';

export const CheckpointExceptionCode = codesOf(errors);
export type CheckpointExceptionCode = keyof typeof errors;
export class CheckpointException extends moduleException(errors) {}
