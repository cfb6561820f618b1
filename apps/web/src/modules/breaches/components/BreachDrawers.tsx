import { Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, type GetProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { useSchools } from '../../admin/hooks/useAdminData';
import { emailRules } from '../../forms/contactRules';
import { FormDrawer } from '../../forms/components/FormDrawer';
import { requiredRule, textRule } from '../../forms/textRules';
import { useI18n } from '../../i18n/I18nProvider';
import { BREACH_CATEGORY_LABELS, BREACH_FINDING_LABELS, BREACH_NOTICE_WAY_LABELS } from '../../labels/valueLabels';
import { isLate } from '../breachClock';
import { COUNT_MAX, instantOf, LATE_REASON_MAX, LONG, MOMENT, momentRule, phoneRule, SHORT } from '../breachForms';
import { useRefreshBreaches } from '../hooks/useBreaches';

type Breach = components['schemas']['BreachViewDto'];
type Schemas = components['schemas'];
type Responsible = { fullName: string; position?: string; phone: string; email?: string };
type RecordValues = Omit<Schemas['RecordBreachDto'], 'detectedAt' | 'responsible'> & {
  detectedAt: Dayjs;
  responsible: Responsible;
};

const optionsOf = <T extends string>(labels: Record<T, { vi: string; en: string }>, language: 'vi' | 'en') =>
  (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value][language] }));

// An optional text: left out when blank, which the API reads as "none".
const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

// The moment of a step, typed or picked to the minute; no moment after now can be chosen.
const MomentInput = (props: { id?: string; value?: Dayjs; onChange?: (v: Dayjs | null) => void }) => (
  // No placeholder: antd's placeholder grey falls under 4.5:1; the hint says the format.
  <DatePicker
    {...props}
    showTime={{ format: 'HH:mm' }}
    needConfirm={false}
    format={MOMENT}
    placeholder=""
    disabledDate={(d) => d.isAfter(dayjs(), 'day')}
  />
);

// Checkboxes as one named group: the aria-required that Form.Item hands its control is not allowed on a group
// (axe: aria-allowed-attr); the rule itself still asks for one box at least.
const CheckboxChoice = ({
  'aria-required': _required,
  label,
  ...props
}: GetProps<typeof Checkbox.Group> & { 'aria-required'?: unknown; label: string }) => (
  <Checkbox.Group {...props} role="group" aria-label={label} />
);

export const RECORD_FIELDS = [
  'description',
  'detectedAt',
  'categories',
  'subjectsEstimate',
  'schoolIds',
  'consequences',
  'measuresTaken',
  'responsible',
];

// What the law asks the notification to say (Decree 356/2025): what happened and when it was found, which data, how
// many learners, which schools, the likely consequences, the measures taken and who answers for it.
export const RecordBreachDrawer = ({ onClose }: { onClose: () => void }) => {
  const { t, language } = useI18n();
  const [form] = Form.useForm<RecordValues>();
  const schools = useSchools();
  const refresh = useRefreshBreaches();
  return (
    <FormDrawer<RecordValues>
      title={t('breaches.record')}
      form={form}
      fields={RECORD_FIELDS}
      submit="breaches.submit"
      initialValues={{ categories: [], schoolIds: [] }}
      onClose={onClose}
      send={async (v) => {
        const sent = await api.POST('/api/admin/privacy/breaches', {
          body: {
            description: v.description.trim(),
            detectedAt: instantOf(v.detectedAt),
            categories: v.categories,
            subjectsEstimate: v.subjectsEstimate,
            schoolIds: v.schoolIds ?? [],
            consequences: v.consequences.trim(),
            measuresTaken: v.measuresTaken.trim(),
            responsible: {
              fullName: v.responsible.fullName.trim(),
              phone: v.responsible.phone.trim(),
              position: optional(v.responsible.position),
              email: optional(v.responsible.email),
            },
          },
        });
        await refresh();
        return sent;
      }}
    >
      <Form.Item
        name="description"
        label={t('breaches.description')}
        extra={t('breaches.descriptionHint')}
        required
        rules={[textRule(t, LONG, true)]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item
        name="detectedAt"
        label={t('breaches.detectedAt')}
        extra={t('breaches.detectedHint')}
        required
        rules={[momentRule(t)]}
      >
        <MomentInput />
      </Form.Item>
      <Form.Item
        name="categories"
        label={t('breaches.categories')}
        required
        rules={[{ type: 'array', min: 1, required: true, message: t('breaches.categoriesRequired') }]}
      >
        <CheckboxChoice label={t('breaches.categories')} options={optionsOf(BREACH_CATEGORY_LABELS, language)} />
      </Form.Item>
      <Form.Item name="subjectsEstimate" label={t('breaches.subjects')} required rules={[requiredRule(t)]}>
        <InputNumber min={0} max={COUNT_MAX} precision={0} />
      </Form.Item>
      <Form.Item name="schoolIds" label={t('breaches.schools')} extra={t('breaches.schoolsHint')}>
        <Select
          mode="multiple"
          allowClear
          loading={schools.isPending}
          optionFilterProp="label"
          options={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        />
      </Form.Item>
      <Form.Item name="consequences" label={t('breaches.consequences')} required rules={[textRule(t, LONG, true)]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="measuresTaken" label={t('breaches.measures')} required rules={[textRule(t, LONG, true)]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item
        name={['responsible', 'fullName']}
        label={t('breaches.responsibleName')}
        required
        rules={[textRule(t, SHORT, true)]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name={['responsible', 'position']}
        label={t('breaches.responsiblePosition')}
        rules={[textRule(t, SHORT)]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name={['responsible', 'phone']} label={t('breaches.responsiblePhone')} required rules={[phoneRule(t)]}>
        <Input type="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item name={['responsible', 'email']} label={t('breaches.responsibleEmail')} rules={emailRules(t)}>
        <Input type="email" autoComplete="off" />
      </Form.Item>
    </FormDrawer>
  );
};

type AuthorityValues = { notifiedAt: Dayjs; reference?: string; lateReason?: string };

// The authority was told: this stops the clock as of the moment given. After the 72 hours the reason is asked.
export const AuthorityDrawer = ({ breach, onClose }: { breach: Breach; onClose: () => void }) => {
  const { t } = useI18n();
  const [form] = Form.useForm<AuthorityValues>();
  const refresh = useRefreshBreaches();
  // The watch hears of changes, not of the initial value: until the first change the moment is the one given.
  const [initial] = useState(() => dayjs().startOf('minute'));
  const notifiedAt = Form.useWatch('notifiedAt', form) ?? initial;
  const late = isLate(breach, notifiedAt.valueOf());
  return (
    <FormDrawer<AuthorityValues>
      title={t('breaches.notifyAuthority')}
      form={form}
      fields={['notifiedAt', 'reference', 'lateReason']}
      submit="breaches.submit"
      initialValues={{ notifiedAt: initial }}
      onClose={onClose}
      send={async (v) => {
        const sent = await api.POST('/api/admin/privacy/breaches/{id}/authority-notification', {
          params: { path: { id: breach.id } },
          body: {
            notifiedAt: instantOf(v.notifiedAt),
            reference: optional(v.reference),
            ...(isLate(breach, v.notifiedAt.valueOf()) ? { lateReason: optional(v.lateReason) } : {}),
          },
        });
        await refresh();
        return sent;
      }}
    >
      <Form.Item
        name="notifiedAt"
        label={t('breaches.notifiedAt')}
        extra={t('breaches.notifiedAtHint')}
        required
        rules={[momentRule(t, breach.detectedAt)]}
      >
        <MomentInput />
      </Form.Item>
      <Form.Item
        name="reference"
        label={t('breaches.reference')}
        extra={t('breaches.referenceHint')}
        rules={[textRule(t, SHORT)]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      {late && (
        <Form.Item
          name="lateReason"
          label={t('breaches.lateReason')}
          extra={t('breaches.lateReasonHint')}
          required
          rules={[textRule(t, LATE_REASON_MAX, true)]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      )}
    </FormDrawer>
  );
};

type GuardianValues = { notifiedAt: Dayjs; guardiansNotified: number; how: Schemas['BreachNoticeWay'] };

export const GuardiansDrawer = ({ breach, onClose }: { breach: Breach; onClose: () => void }) => {
  const { t, language } = useI18n();
  const [form] = Form.useForm<GuardianValues>();
  const refresh = useRefreshBreaches();
  return (
    <FormDrawer<GuardianValues>
      title={t('breaches.notifyGuardians')}
      form={form}
      fields={['notifiedAt', 'guardiansNotified', 'how']}
      submit="breaches.submit"
      initialValues={{ notifiedAt: dayjs().startOf('minute') }}
      onClose={onClose}
      send={async (v) => {
        const sent = await api.POST('/api/admin/privacy/breaches/{id}/guardian-notification', {
          params: { path: { id: breach.id } },
          body: { notifiedAt: instantOf(v.notifiedAt), guardiansNotified: v.guardiansNotified, how: v.how },
        });
        await refresh();
        return sent;
      }}
    >
      <Form.Item
        name="notifiedAt"
        label={t('breaches.notifiedAt')}
        extra={t('breaches.notifiedAtHint')}
        required
        rules={[momentRule(t, breach.detectedAt)]}
      >
        <MomentInput />
      </Form.Item>
      <Form.Item name="guardiansNotified" label={t('breaches.guardiansNotified')} required rules={[requiredRule(t)]}>
        <InputNumber min={0} max={COUNT_MAX} precision={0} />
      </Form.Item>
      <Form.Item name="how" label={t('breaches.how')} required rules={[requiredRule(t)]}>
        <Radio.Group options={optionsOf(BREACH_NOTICE_WAY_LABELS, language)} />
      </Form.Item>
    </FormDrawer>
  );
};

type CloseValues = Schemas['CloseBreachDto'];

export const CloseDrawer = ({ breach, onClose }: { breach: Breach; onClose: () => void }) => {
  const { t, language } = useI18n();
  const [form] = Form.useForm<CloseValues>();
  const refresh = useRefreshBreaches();
  return (
    <FormDrawer<CloseValues>
      title={t('breaches.close')}
      form={form}
      fields={['finding', 'outcome']}
      submit="breaches.close"
      intro={<p>{t('breaches.closeHint')}</p>}
      onClose={onClose}
      send={async (v) => {
        const sent = await api.POST('/api/admin/privacy/breaches/{id}/close', {
          params: { path: { id: breach.id } },
          body: { finding: v.finding, outcome: v.outcome.trim() },
        });
        await refresh();
        return sent;
      }}
    >
      <Form.Item name="finding" label={t('breaches.finding')} required rules={[requiredRule(t)]}>
        <Radio.Group options={optionsOf(BREACH_FINDING_LABELS, language)} />
      </Form.Item>
      <Form.Item name="outcome" label={t('breaches.outcome')} required rules={[textRule(t, LONG, true)]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormDrawer>
  );
};
