import { Alert, Button, Drawer, Form, Input, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import { isProblem, problemMessage, type Problem } from '../../api/problem';
import type { DictionaryKey } from '../../i18n/dictionaryVi';
import { useI18n } from '../../i18n/I18nProvider';
import { placeFieldErrors } from '../fieldErrors';
import { textRule } from '../textRules';

// An action that takes one required text (an alert's next action, the reason a case's clocks pause): the text is
// checked as the API checks it, the API's refusal shown under it or above the form, the drawer closed on success.
export const TextActionDrawer = ({
  title,
  field,
  label,
  hint,
  max,
  submit,
  intro,
  send,
  onClose,
}: {
  title: string;
  field: string;
  label: DictionaryKey;
  hint?: DictionaryKey;
  max: number;
  submit: DictionaryKey;
  intro?: ReactNode;
  send: (text: string) => Promise<{ error?: unknown }>;
  onClose: () => void;
}) => {
  const { t, language } = useI18n();
  const [form] = Form.useForm<Record<string, string>>();
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const [offline, setOffline] = useState(false);
  const [sending, setSending] = useState(false);

  const onFinish = async (values: Record<string, string>) => {
    setSending(true);
    setRefusal(null);
    setOffline(false);
    try {
      const { error } = await send(values[field] ?? '');
      if (error === undefined) return onClose();
      if (!isProblem(error)) return setOffline(true);
      if (error.code === 'VALIDATION_FAILED') placeFieldErrors(form, error.details, [field]);
      setRefusal(error);
    } catch {
      setOffline(true);
    } finally {
      setSending(false);
    }
  };

  return (
    <Drawer open title={title} onClose={onClose} size={480} destroyOnHidden>
      {intro}
      {refusal && <Alert type="error" showIcon role="alert" title={problemMessage(refusal, language)} />}
      {offline && <Alert type="error" showIcon role="alert" title={t('error.network')} />}
      <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)}>
        <Form.Item name={field} label={t(label)} extra={hint && t(hint)} required rules={[textRule(t, max, true)]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={sending}>
            {t(submit)}
          </Button>
          <Button onClick={onClose}>{t('casePage.cancel')}</Button>
        </Space>
      </Form>
    </Drawer>
  );
};
