import type { FormRule } from 'antd';
import type { Translate } from '../../i18n/I18nProvider';

// The rules of CreateUserDto / UserAccessDto / ResetPasswordDto (libs/identity/src/dtos), checked before sending.
export const USERNAME_PATTERN = /^[a-z0-9._-]{3,50}$/;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;
export const SCHOOLS_MAX = 50;

export const usernameRules = (t: Translate): FormRule[] => [
  { required: true, whitespace: true, message: t('casePage.required') },
  { pattern: USERNAME_PATTERN, message: t('adminUsers.usernameRule') },
];

export const passwordRules = (t: Translate): FormRule[] => [
  { required: true, message: t('casePage.required') },
  { min: PASSWORD_MIN, message: t('adminUsers.passwordShort', { min: PASSWORD_MIN }) },
  { max: PASSWORD_MAX, message: t('casePage.tooLong', { max: PASSWORD_MAX }) },
];

export const rolesRules = (t: Translate): FormRule[] => [
  { required: true, type: 'array', min: 1, message: t('adminUsers.rolesRequired') },
];

export const schoolsRules = (t: Translate): FormRule[] => [
  { type: 'array', max: SCHOOLS_MAX, message: t('adminUsers.schoolsTooMany', { max: SCHOOLS_MAX }) },
];
