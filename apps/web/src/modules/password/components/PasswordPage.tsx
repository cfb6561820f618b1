import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/apiClient';
import { isProblem, problemMessage, type Problem } from '../../api/problem';
import { placeFieldErrors } from '../../forms/fieldErrors';
import { requiredRule } from '../../forms/textRules';
import { useI18n } from '../../i18n/I18nProvider';

type Values = { currentPassword: string; newPassword: string; repeated: string };

// The API's rule for a new password (ChangePasswordDto): 8 to 200 characters.
const MIN = 8;
const MAX = 200;

// A person changes their own password; the API ends their other sessions at once.
export const PasswordPage = () => {
  const { t, language } = useI18n();
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const [done, setDone] = useState(false);
  const [sending, setSending] = useState(false);

  const send = async ({ currentPassword, newPassword }: Values) => {
    setSending(true);
    setRefusal(null);
    setDone(false);
    const { error } = await api.POST('/api/me/password', { body: { currentPassword, newPassword } });
    setSending(false);
    if (!error) {
      form.resetFields();
      return setDone(true);
    }
    if (!isProblem(error)) return;
    if (error.code === 'VALIDATION_FAILED') placeFieldErrors(form, error.details, ['currentPassword', 'newPassword']);
    setRefusal(error);
  };

  return (
    <section className="password-page">
      <Typography.Title level={1}>{t('password.title')}</Typography.Title>
      {done && <Alert type="success" showIcon role="status" title={t('password.done')} />}
      {refusal && <Alert type="error" showIcon role="alert" title={problemMessage(refusal, language)} />}
      <Form form={form} layout="vertical" onFinish={(v) => void send(v)}>
        <Form.Item name="currentPassword" label={t('password.current')} rules={[requiredRule(t)]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.rule', { min: MIN })}
          rules={[
            requiredRule(t),
            { min: MIN, message: t('password.rule', { min: MIN }) },
            { max: MAX, message: t('casePage.tooLong', { max: MAX }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="repeated"
          label={t('password.repeat')}
          dependencies={['newPassword']}
          rules={[
            requiredRule(t),
            ({ getFieldValue }) => ({
              validator: async (_, value: string) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={sending}>
          {t('password.submit')}
        </Button>
      </Form>
    </section>
  );
};
