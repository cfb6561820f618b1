import type { FormRule } from 'antd';
import type { Translate } from '../i18n/I18nProvider';

// The API's rules for a person's e-mail and phone (libs/identity/src/dtos/contact.dto.ts), checked before sending.
export const EMAIL_MAX = 254;
// A Vietnamese mobile: 0 or +84, then nine digits, the first not 0; spaces anywhere (the API drops them).
export const PHONE_PATTERN = /^(0|\+84)[1-9]\d{8}$/;

export const emailRules = (t: Translate): FormRule[] => [
  { type: 'email', message: t('contact.emailRule') },
  { max: EMAIL_MAX, message: t('casePage.tooLong', { max: EMAIL_MAX }) },
];

export const vnPhoneRule = (t: Translate): FormRule => ({
  validator: async (_, value: string | undefined) => {
    const digits = (value ?? '').replace(/\s+/g, '');
    if (digits !== '' && !PHONE_PATTERN.test(digits)) throw new Error(t('contact.phoneRule'));
  },
});

// What the API takes for "none": an emptied input is null, so the address is removed rather than left.
export const contactOf = (v: { email?: string; phone?: string }) => ({
  email: v.email?.trim() ? v.email.trim() : null,
  phone: v.phone?.trim() ? v.phone.trim() : null,
});
