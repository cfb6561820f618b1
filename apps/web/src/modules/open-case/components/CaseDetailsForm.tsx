import { Alert, Button, Checkbox, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../api/apiClient';
import { isProblem, problemMessage, type Problem } from '../../api/problem';
import type { components } from '../../api/openapiTypes';
import { placeFieldErrors } from '../../forms/fieldErrors';
import { phoneRule, requiredRule, textRule } from '../../forms/textRules';
import { useI18n } from '../../i18n/I18nProvider';
import { AREA_LABELS, CHANNEL_LABELS, RISK_LABELS } from '../../labels/valueLabels';
import { AreaRanking } from './AreaRanking';

type Schemas = components['schemas'];
type Values = {
  channel: Schemas['Channel'];
  anonymous?: boolean;
  reporterName?: string;
  reporterRelationship?: string;
  reporterPhone?: string;
  areas: Schemas['AreaCode'][];
  riskLevel: Schemas['RiskLevel'];
  riskRationale: string;
  summary: string;
};

const FIELDS = ['channel', 'reporter', 'areas', 'riskLevel', 'riskRationale', 'summary'];
const options = <T extends string>(labels: Record<T, Record<'vi' | 'en', string>>, language: 'vi' | 'en') =>
  (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value][language] }));

// What was reported and how pressing it is. A critical risk alerts the school's supervisors and principal at once:
// the counsellor confirms it knowing that.
export const CaseDetailsForm = ({
  schoolId,
  learnerId,
  onOpened,
}: {
  schoolId: string;
  learnerId: string;
  onOpened: (caseId: string) => void;
}) => {
  const { t, language } = useI18n();
  const [form] = Form.useForm<Values>();
  const [modal, modalHolder] = Modal.useModal();
  const [order, setOrder] = useState(Object.keys(AREA_LABELS) as Schemas['AreaCode'][]);
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const [sending, setSending] = useState(false);
  const anonymous = Form.useWatch('anonymous', form);

  const send = async (v: Values) => {
    setSending(true);
    setRefusal(null);
    const reporter = v.anonymous
      ? { anonymous: true }
      : v.reporterName || v.reporterRelationship || v.reporterPhone
        ? {
            anonymous: false,
            name: v.reporterName || undefined,
            relationship: v.reporterRelationship || undefined,
            phone: v.reporterPhone || undefined,
          }
        : undefined;
    const { data, error } = await api.POST('/api/cases', {
      body: {
        schoolId,
        learnerId,
        channel: v.channel,
        areas: v.areas.map((code, i) => ({ code, priority: i + 1 })),
        riskLevel: v.riskLevel,
        riskRationale: v.riskRationale,
        summary: v.summary,
        ...(reporter ? { reporter } : {}),
      },
    });
    setSending(false);
    if (data) return onOpened(data.id);
    if (isProblem(error)) {
      if (error.code === 'VALIDATION_FAILED') placeFieldErrors(form, error.details, FIELDS);
      setRefusal(error);
    }
  };

  const submit = async (v: Values) => {
    if (v.riskLevel !== 'critical') return send(v);
    const confirmed = await modal.confirm({
      title: t('openCase.criticalTitle'),
      content: t('openCase.criticalBody'),
      okText: t('openCase.criticalConfirm'),
      cancelText: t('casePage.cancel'),
    });
    if (confirmed) await send(v);
  };

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ areas: [] }}>
      {modalHolder}
      {refusal && <Alert type="error" showIcon role="alert" title={problemMessage(refusal, language)} />}
      <Form.Item name="channel" label={t('casePage.channel')} rules={[requiredRule(t)]}>
        <Select placeholder={t('casePage.choose')} options={options(CHANNEL_LABELS, language)} />
      </Form.Item>
      <fieldset className="reporter">
        <legend>{t('openCase.reporter')}</legend>
        <Form.Item name="anonymous" valuePropName="checked">
          <Checkbox>{t('openCase.anonymous')}</Checkbox>
        </Form.Item>
        {!anonymous && (
          <Space wrap align="start">
            <Form.Item name="reporterName" label={t('openCase.reporterName')} rules={[textRule(t, 200)]}>
              <Input />
            </Form.Item>
            <Form.Item
              name="reporterRelationship"
              label={t('openCase.reporterRelationship')}
              rules={[textRule(t, 100)]}
            >
              <Input placeholder={t('openCase.reporterRelationshipExample')} />
            </Form.Item>
            <Form.Item name="reporterPhone" label={t('openCase.phone')} rules={[phoneRule(t)]}>
              <Input inputMode="tel" />
            </Form.Item>
          </Space>
        )}
      </fieldset>
      <Form.Item
        name="areas"
        label={t('casePage.areas')}
        extra={t('openCase.areasHint')}
        rules={[{ type: 'array', min: 1, message: t('openCase.areasRequired') }]}
      >
        <AreaRanking order={order} onOrder={setOrder} />
      </Form.Item>
      <Form.Item name="riskLevel" label={t('casePage.field.riskLevel')} rules={[requiredRule(t)]}>
        <Select placeholder={t('casePage.choose')} options={options(RISK_LABELS, language)} />
      </Form.Item>
      <Form.Item name="riskRationale" label={t('casePage.riskRationale')} required rules={[textRule(t, 5000, true)]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="summary" label={t('casePage.summary')} required rules={[textRule(t, 10_000, true)]}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={sending}>
        {t('openCase.open')}
      </Button>
    </Form>
  );
};
