import { codesOf, moduleException } from '@dh/errors';
import errors from './delivery.errors.json';

export const DeliveryExceptionCode = codesOf(errors);
export type DeliveryExceptionCode = keyof typeof errors;
export class DeliveryException extends moduleException(errors) {}
