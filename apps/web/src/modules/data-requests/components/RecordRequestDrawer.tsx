import { DatePicker, Form, Input, Select, type FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { DATE_TIME } from '../../case-page/components/CaseHeader';
import { FormDrawer } from '../../forms/components/FormDrawer';
import { requiredRule, textRule } from '../../forms/textRules';
import { type Translate, useI18n } from '../../i18n/I18nProvider';
import { DATA_REQUEST_KIND_LABELS } from '../../labels/valueLabels';
import { LearnerSelect } from './LearnerSelect';

type Kind = components['schemas']['DataRequestKind'];
type Values = {
  learnerId: string;
  kind: Kind;
  requestedBy: string;
  relationship: string;
  receivedAt: Dayjs;
  details?: string;
};

// The API's limits (CreateDataRequestDto).
const FIELDS = ['learnerId', 'kind', 'requestedBy', 'relationship', 'receivedAt', 'details'];

const notFutureRule = (t: Translate): FormRule => ({
  validator: async (_, value: Dayjs | undefined) => {
    if (value && value.isAfter(dayjs())) throw new Error(t('dataRequests.futureRule'));
  },
});

// A request as it reached the school: whose data, what is asked, by whom, and when it arrived (its clock counts
// from then, not from the moment it is typed in).
export const RecordRequestDrawer = ({ schoolId, onClose }: { schoolId: string; onClose: () => void }) => {
  const { t, language } = useI18n();
  const [form] = Form.useForm<Values>();
  return (
    <FormDrawer<Values>
      title={t('dataRequests.record')}
      form={form}
      fields={FIELDS}
      submit="dataRequests.record"
      initialValues={{ receivedAt: dayjs().second(0).millisecond(0) }}
      onClose={onClose}
      send={(v) =>
        api.POST('/api/privacy/requests', {
          body: {
            learnerId: v.learnerId,
            kind: v.kind,
            requestedBy: v.requestedBy.trim(),
            relationship: v.relationship.trim(),
            receivedAt: v.receivedAt.toISOString(),
            ...(v.details?.trim() ? { details: v.details.trim() } : {}),
          },
        })
      }
    >
      <Form.Item name="learnerId" label={t('dataRequests.learner')} rules={[requiredRule(t)]}>
        <LearnerSelect schoolId={schoolId} />
      </Form.Item>
      <Form.Item name="kind" label={t('dataRequests.kind')} rules={[requiredRule(t)]}>
        <Select
          options={Object.entries(DATA_REQUEST_KIND_LABELS).map(([value, label]) => ({
            value,
            label: label[language],
          }))}
        />
      </Form.Item>
      <Form.Item name="requestedBy" label={t('dataRequests.requestedBy')} required rules={[textRule(t, 200, true)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="relationship"
        label={t('dataRequests.relationship')}
        extra={t('dataRequests.relationshipHint')}
        required
        rules={[textRule(t, 100, true)]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="receivedAt" label={t('dataRequests.receivedAt')} rules={[requiredRule(t), notFutureRule(t)]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME} needConfirm={false} />
      </Form.Item>
      <Form.Item name="details" label={t('dataRequests.details')} rules={[textRule(t, 2000)]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormDrawer>
  );
};
