import type { FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Translate } from '../i18n/I18nProvider';

// A text as the API's DTOs take it: blanks are empty, and no text passes its limit.
export const textRule = (t: Translate, max: number, required = false): FormRule => ({
  validator: async (_, value: string | undefined) => {
    if (value == null || value.trim() === '') {
      if (required) throw new Error(t('casePage.required'));
      return;
    }
    if (value.length > max) throw new Error(t('casePage.tooLong', { max }));
  },
});

export const requiredRule = (t: Translate): FormRule => ({ required: true, message: t('casePage.required') });

// The API's phone numbers: digits with spaces, dots, dashes, brackets or a plus, 6 to 20 characters.
export const phoneRule = (t: Translate): FormRule => ({ pattern: /^[0-9+ ().-]{6,20}$/, message: t('form.phone') });

// A day that has already come (a birth date).
export const pastDayRule = (t: Translate): FormRule => ({
  validator: async (_, value: Dayjs | undefined) => {
    if (value && value.isAfter(dayjs(), 'day')) throw new Error(t('casePage.future'));
  },
});
