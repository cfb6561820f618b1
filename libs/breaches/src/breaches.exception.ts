import { codesOf, moduleException } from '@dh/errors';
import errors from './breaches.errors.json';

export const BreachesExceptionCode = codesOf(errors);
export type BreachesExceptionCode = keyof typeof errors;
export class BreachesException extends moduleException(errors) {}
