import { codesOf, moduleException } from '@dh/errors';
import errors from './referral.errors.json';

export const ReferralExceptionCode = codesOf(errors);
export type ReferralExceptionCode = keyof typeof errors;
export class ReferralException extends moduleException(errors) {}
