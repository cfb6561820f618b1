import { codesOf, moduleException } from '@dh/errors';
import errors from './learner.errors.json';

export const LearnerExceptionCode = codesOf(errors);
export type LearnerExceptionCode = keyof typeof errors;
export class LearnerException extends moduleException(errors) {}
