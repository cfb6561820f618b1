import { Form, Input, Select } from 'antd';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { FormDrawer } from '../../forms/components/FormDrawer';
import { requiredRule, textRule } from '../../forms/textRules';
import type { DictionaryKey } from '../../i18n/dictionaryVi';
import { useI18n } from '../../i18n/I18nProvider';
import { useLearnerCases } from '../hooks/useDataRequests';

type DataRequest = components['schemas']['DataRequestViewDto'];
type Field = 'summary' | 'familyCircumstances' | 'actionsTaken' | 'fullName' | 'className';
type Values = { field: Field; caseId?: string; value: string };

// What a correction may change (RectifyDto): a case's own words, or the learner's name and class.
const CASE_FIELDS: Field[] = ['summary', 'familyCircumstances', 'actionsTaken'];
const FIELD_WORDS: Record<Field, DictionaryKey> = {
  summary: 'dataRequests.field.summary',
  familyCircumstances: 'dataRequests.field.familyCircumstances',
  actionsTaken: 'dataRequests.field.actionsTaken',
  fullName: 'dataRequests.field.fullName',
  className: 'dataRequests.field.className',
};
const VALUE_MAX = 4000;

// A correction the learner or guardian asked for: the field, the case it is in where it is a case's, the new value.
export const RectifyDrawer = ({ request, onClose }: { request: DataRequest; onClose: () => void }) => {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const field = Form.useWatch('field', form);
  const cases = useLearnerCases(request.learnerId, request.learnerName);
  const ofCase = field !== undefined && CASE_FIELDS.includes(field);
  return (
    <FormDrawer<Values>
      title={t('dataRequests.rectifyTitle', { name: request.learnerName ?? '' })}
      intro={<p>{t('dataRequests.rectifyIntro')}</p>}
      form={form}
      fields={['field', 'caseId', 'value']}
      submit="dataRequests.save"
      onClose={onClose}
      send={(v) =>
        api.POST('/api/privacy/requests/{id}/rectify', {
          params: { path: { id: request.id } },
          body: {
            field: v.field,
            value: v.value.trim(),
            ...(CASE_FIELDS.includes(v.field) ? { caseId: v.caseId } : {}),
          },
        })
      }
    >
      <Form.Item name="field" label={t('dataRequests.field')} rules={[requiredRule(t)]}>
        <Select options={Object.entries(FIELD_WORDS).map(([value, key]) => ({ value, label: t(key) }))} />
      </Form.Item>
      {ofCase && (
        <Form.Item
          name="caseId"
          label={t('dataRequests.case')}
          rules={[requiredRule(t)]}
          extra={cases.data?.length === 0 ? t('dataRequests.noCase') : undefined}
        >
          <Select loading={cases.isPending} options={cases.data?.map((c) => ({ value: c.id, label: c.code }))} />
        </Form.Item>
      )}
      <Form.Item name="value" label={t('dataRequests.value')} required rules={[textRule(t, VALUE_MAX, true)]}>
        <Input.TextArea rows={4} />
      </Form.Item>
    </FormDrawer>
  );
};
