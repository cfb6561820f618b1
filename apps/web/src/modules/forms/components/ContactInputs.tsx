import { Form, Input } from 'antd';
import type { DictionaryKey } from '../../i18n/dictionaryVi';
import { useI18n } from '../../i18n/I18nProvider';
import { emailRules, vnPhoneRule } from '../contactRules';

// A person's e-mail and mobile, as the admin and the person themselves enter them.
export const ContactInputs = ({ emailHint }: { emailHint: DictionaryKey }) => {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="email" label={t('contact.email')} extra={t(emailHint)} rules={emailRules(t)}>
        <Input type="email" autoComplete="off" />
      </Form.Item>
      <Form.Item name="phone" label={t('contact.phone')} extra={t('contact.phoneHint')} rules={[vnPhoneRule(t)]}>
        <Input type="tel" autoComplete="off" />
      </Form.Item>
    </>
  );
};
