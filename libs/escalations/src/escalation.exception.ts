import { codesOf, moduleException } from '@dh/errors';
import errors from './escalation.errors.json';

export const EscalationExceptionCode = codesOf(errors);
export type EscalationExceptionCode = keyof typeof errors;
export class EscalationException extends moduleException(errors) {}
