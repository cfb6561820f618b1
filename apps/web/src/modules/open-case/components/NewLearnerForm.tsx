import { Alert, Button, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/apiClient';
import { isProblem, problemMessage, type Problem } from '../../api/problem';
import type { components } from '../../api/openapiTypes';
import { placeFieldErrors } from '../../forms/fieldErrors';
import { pastDayRule, phoneRule, requiredRule, textRule } from '../../forms/textRules';
import { useI18n } from '../../i18n/I18nProvider';
import { SEX_LABELS } from '../../labels/valueLabels';
import { LookAlike } from './LookAlike';

type Learner = components['schemas']['LearnerViewDto'];
type Guardian = components['schemas']['GuardianDto'];
type Values = { fullName: string; dateOfBirth: Dayjs; sex: Learner['sex']; className: string; guardians?: Guardian[] };

const FIELDS = ['fullName', 'dateOfBirth', 'sex', 'className', 'guardians'];

// A learner the school has not recorded yet. The API answers a look-alike (same name and birth date) with 409: the
// counsellor either takes the recorded learner or confirms this is another child.
export const NewLearnerForm = ({
  schoolId,
  initialName,
  onChosen,
}: {
  schoolId: string;
  initialName: string;
  onChosen: (learner: { id: string; fullName: string }) => void;
}) => {
  const { t, language } = useI18n();
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const [lookAlike, setLookAlike] = useState<{ existingId: string; values: Values } | null>(null);
  const [sending, setSending] = useState(false);

  const create = async (values: Values, confirmDistinct = false) => {
    setSending(true);
    setRefusal(null);
    const { data, error } = await api.POST('/api/learners', {
      body: {
        schoolId,
        fullName: values.fullName,
        dateOfBirth: values.dateOfBirth.format('YYYY-MM-DD'),
        sex: values.sex,
        className: values.className,
        guardians: values.guardians?.filter((g) => g?.fullName),
        ...(confirmDistinct ? { confirmDistinct } : {}),
      },
    });
    setSending(false);
    if (data) return onChosen(data);
    if (!isProblem(error)) return setRefusal(null);
    if (error.code === 'LEARNER_LOOKS_LIKE_EXISTING') {
      return setLookAlike({ existingId: (error.details as { existingId: string }).existingId, values });
    }
    if (error.code === 'VALIDATION_FAILED') placeFieldErrors(form, error.details, FIELDS);
    setRefusal(error);
  };

  if (lookAlike) {
    return (
      <LookAlike
        schoolId={schoolId}
        existingId={lookAlike.existingId}
        fullName={lookAlike.values.fullName}
        onSame={onChosen}
        onDifferent={() => void create(lookAlike.values, true).then(() => setLookAlike(null))}
      />
    );
  }
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ fullName: initialName }}
      onFinish={(v) => void create(v)}
      className="new-learner"
    >
      {refusal && <Alert type="error" showIcon role="alert" title={problemMessage(refusal, language)} />}
      <Form.Item name="fullName" label={t('openCase.fullName')} required rules={[textRule(t, 200, true)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="dateOfBirth" label={t('openCase.dateOfBirth')} rules={[requiredRule(t), pastDayRule(t)]}>
          <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="sex" label={t('openCase.sex')} rules={[requiredRule(t)]}>
          <Select
            className="select-short"
            placeholder={t('casePage.choose')}
            options={(Object.keys(SEX_LABELS) as Learner['sex'][]).map((v) => ({
              value: v,
              label: SEX_LABELS[v][language],
            }))}
          />
        </Form.Item>
        <Form.Item name="className" label={t('openCase.className')} required rules={[textRule(t, 50, true)]}>
          <Input className="input-short" />
        </Form.Item>
      </Space>
      <Form.List name="guardians">
        {(items, { add, remove }) => (
          <>
            {items.map((item) => (
              <Space key={item.key} wrap align="start" className="guardian-row">
                <Form.Item
                  name={[item.name, 'fullName']}
                  label={t('openCase.guardianName')}
                  required
                  rules={[textRule(t, 200, true)]}
                >
                  <Input />
                </Form.Item>
                <Form.Item
                  name={[item.name, 'relationship']}
                  label={t('openCase.relationship')}
                  required
                  rules={[textRule(t, 100, true)]}
                >
                  <Input className="input-short" placeholder={t('openCase.relationshipExample')} />
                </Form.Item>
                <Form.Item name={[item.name, 'phone']} label={t('openCase.phone')} rules={[phoneRule(t)]}>
                  <Input className="input-short" inputMode="tel" />
                </Form.Item>
                <Button onClick={() => remove(item.name)} className="guardian-remove">
                  {t('openCase.removeGuardian')}
                </Button>
              </Space>
            ))}
            <Form.Item>
              <Button onClick={() => add()}>{t('openCase.addGuardian')}</Button>
            </Form.Item>
          </>
        )}
      </Form.List>
      <Button type="primary" htmlType="submit" loading={sending}>
        {t('openCase.saveLearner')}
      </Button>
    </Form>
  );
};
