import type { FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Translate } from '../i18n/I18nProvider';

// libs/breaches/src/dtos/breach.dto.ts: long texts up to 5,000 characters, names and references up to 200, a late
// reason up to 2,000, counts from 0 to ten million, a phone of 3 to 15 digits.
export const LONG = 5000;
export const SHORT = 200;
export const LATE_REASON_MAX = 2000;
export const COUNT_MAX = 10_000_000;
export const PHONE = /^\+?\d(?: ?\d){2,14}$/;
export const MOMENT = 'DD/MM/YYYY HH:mm';

// An instant with its offset, as the API takes it: a time without one means another moment to each server.
export const instantOf = (value: Dayjs): string => value.format('YYYY-MM-DDTHH:mm:ssZ');

// A moment that has come, and (for a step) not before the breach was found.
export const momentRule = (t: Translate, notBefore?: string): FormRule => ({
  validator: async (_, value: Dayjs | undefined) => {
    if (!value) throw new Error(t('casePage.required'));
    if (value.isAfter(dayjs())) throw new Error(t('breaches.future'));
    if (notBefore && value.isBefore(dayjs(notBefore), 'minute')) throw new Error(t('breaches.beforeDetected'));
  },
});

export const phoneRule = (t: Translate): FormRule => ({
  validator: async (_, value: string | undefined) => {
    if (!value?.trim()) throw new Error(t('casePage.required'));
    if (!PHONE.test(value.trim())) throw new Error(t('breaches.phoneRule'));
  },
});
