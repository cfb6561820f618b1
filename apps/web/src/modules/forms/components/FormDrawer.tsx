import { Alert, Button, Drawer, Form, Space, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { isProblem, problemMessage, type Problem } from '../../api/problem';
import { placeFieldErrors } from '../../forms/fieldErrors';
import type { DictionaryKey } from '../../i18n/dictionaryVi';
import { useI18n } from '../../i18n/I18nProvider';

// The answer of one openapi-fetch call: nothing to say on success, a problem (or anything else) on failure.
export type Sent = { error?: unknown };

// A form beside a list or a case: nothing is sent until every input passes the rules the API's DTO holds; a 400's
// field problems land under their inputs, any other refusal above the form; the drawer closes on success.
export const FormDrawer = <V extends object>({
  title,
  form,
  fields,
  submit,
  send,
  onClose,
  initialValues,
  intro,
  children,
}: {
  title: string;
  form: FormInstance<V>;
  fields: string[];
  submit: DictionaryKey;
  send: (values: V) => Promise<Sent>;
  onClose: () => void;
  initialValues?: Partial<V>;
  intro?: ReactNode;
  children: ReactNode;
}) => {
  const { t, language } = useI18n();
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const [offline, setOffline] = useState(false);
  const [sending, setSending] = useState(false);

  const onFinish = async (values: V) => {
    setSending(true);
    setRefusal(null);
    setOffline(false);
    try {
      const { error } = await send(values);
      if (error === undefined) return onClose();
      if (!isProblem(error)) return setOffline(true);
      if (error.code === 'VALIDATION_FAILED') placeFieldErrors(form, error.details, fields);
      setRefusal(error);
    } catch {
      setOffline(true);
    } finally {
      setSending(false);
    }
  };

  return (
    <Drawer open title={title} onClose={onClose} size={520} destroyOnHidden>
      {intro}
      {refusal && <Alert type="error" showIcon role="alert" title={problemMessage(refusal, language)} />}
      {offline && <Alert type="error" showIcon role="alert" title={t('error.network')} />}
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => void onFinish(v)}
        requiredMark
      >
        {children}
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
