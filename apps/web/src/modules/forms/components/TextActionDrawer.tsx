import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import type { DictionaryKey } from '../../i18n/dictionaryVi';
import { useI18n } from '../../i18n/I18nProvider';
import { textRule } from '../textRules';
import { FormDrawer, type Sent } from './FormDrawer';

// An action that takes one required text (an alert's next action, the reason a case's clocks pause), checked as
// the API checks it.
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
  send: (text: string) => Promise<Sent>;
  onClose: () => void;
}) => {
  const { t } = useI18n();
  const [form] = Form.useForm<Record<string, string>>();
  return (
    <FormDrawer<Record<string, string>>
      title={title}
      form={form}
      fields={[field]}
      submit={submit}
      intro={intro}
      send={(values) => send(values[field] ?? '')}
      onClose={onClose}
    >
      <Form.Item name={field} label={t(label)} extra={hint && t(hint)} required rules={[textRule(t, max, true)]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormDrawer>
  );
};
