import { Button, Form, Space } from 'antd';
import type { FormInstance } from 'antd';
import type { ReactNode } from 'react';
import type { DictionaryKey } from '../../i18n/dictionaryVi';
import { useI18n } from '../../i18n/I18nProvider';
import { checkPayload, LIST_MAX, type EventField, type FormValue, type FormValues } from '../eventForms';
import { EventFieldInput } from './EventFieldInput';

// The inputs of a payload, each checked as the API's DTO checks it, with a send and a cancel button.
export const FieldsForm = ({
  form,
  fields,
  schoolId,
  sending,
  empty,
  onSubmit,
  onCancel,
}: {
  form: FormInstance<FormValues>;
  fields: EventField[];
  schoolId: string;
  sending: boolean;
  empty?: ReactNode;
  onSubmit: (values: FormValues) => void;
  onCancel: () => void;
}) => {
  const { t } = useI18n();
  const message = (f: EventField, problem: string) =>
    t(`casePage.${problem}` as DictionaryKey, { max: problem === 'tooMany' ? LIST_MAX : f.max, min: f.min ?? 0 });
  return (
    <Form form={form} layout="vertical" onFinish={onSubmit} requiredMark>
      {fields.map((f) => (
        <Form.Item
          key={f.name}
          name={f.name}
          label={t(f.label)}
          required={f.required}
          rules={[
            {
              validator: async (_, value: FormValue) => {
                const [problem] = checkPayload([f], { [f.name]: value });
                if (problem) throw new Error(message(f, problem.problem));
              },
            },
          ]}
        >
          <EventFieldInput field={f} schoolId={schoolId} />
        </Form.Item>
      ))}
      {fields.length === 0 && empty}
      <Space>
        <Button type="primary" htmlType="submit" loading={sending}>
          {t('casePage.send')}
        </Button>
        <Button onClick={onCancel}>{t('casePage.cancel')}</Button>
      </Space>
    </Form>
  );
};
