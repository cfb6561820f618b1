import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { FormDrawer } from '../../forms/components/FormDrawer';
import { requiredRule, textRule } from '../../forms/textRules';
import { useI18n } from '../../i18n/I18nProvider';
import { EMPLOYMENT_LABELS, TEAM_JOB_LABELS, TEAM_ROLE_LABELS } from '../../labels/valueLabels';
import { AccountSelect } from '../components/AccountSelect';
import type { RecordDrawerProps } from '../components/YearListPage';
import { dayOf, inYearRule, notBeforeRule, SHOWN_DAY, yearDays } from '../schoolYears';

export type TeamMember = components['schemas']['TeamMemberViewDto'];
type Values = {
  fullName: string;
  userId?: string | null;
  teamRole: TeamMember['teamRole'];
  employment: TeamMember['employment'];
  job: TeamMember['job'];
  fromDate: Dayjs;
  toDate?: Dayjs | null;
};

const FIELDS = ['fullName', 'userId', 'teamRole', 'employment', 'job', 'fromDate', 'toDate'];
const choices = <K extends string>(labels: Record<K, { vi: string; en: string }>, language: 'vi' | 'en') =>
  (Object.keys(labels) as K[]).map((k) => ({ value: k, label: labels[k][language] }));

const bodyOf = (v: Values) => ({
  fullName: v.fullName.trim(),
  userId: v.userId ?? null,
  teamRole: v.teamRole,
  employment: v.employment,
  job: v.job,
  fromDate: dayOf(v.fromDate) as string,
  toDate: dayOf(v.toDate),
});

// A member of the school's counselling team, added or replaced.
export const TeamDrawer = ({ where, row, onClose }: RecordDrawerProps<TeamMember>) => {
  const { t, language } = useI18n();
  const [form] = Form.useForm<Values>();
  const initialValues: Partial<Values> = row
    ? { ...row, fromDate: dayjs(row.fromDate), toDate: row.toDate ? dayjs(row.toDate) : null }
    : {
        teamRole: 'thanh_vien',
        employment: 'kiem_nhiem',
        job: 'giao_vien',
        fromDate: yearDays(where.schoolYear).first,
      };
  return (
    <FormDrawer<Values>
      title={row ? t('schoolRecords.team.editTitle', { name: row.fullName }) : t('schoolRecords.team.add')}
      form={form}
      fields={FIELDS}
      submit="adminUsers.save"
      initialValues={initialValues}
      onClose={onClose}
      send={(v) =>
        row
          ? api.PUT('/api/school-records/team/{id}', { params: { path: { id: row.id } }, body: bodyOf(v) })
          : api.POST('/api/school-records/team', { body: { ...where, ...bodyOf(v) } })
      }
    >
      <AccountSelect form={form} schoolId={where.schoolId} />
      <Form.Item name="fullName" label={t('schoolRecords.fullName')} required rules={[textRule(t, 200, true)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="teamRole" label={t('schoolRecords.team.role')} rules={[requiredRule(t)]}>
        <Select options={choices(TEAM_ROLE_LABELS, language)} />
      </Form.Item>
      <Form.Item name="employment" label={t('schoolRecords.team.employment')} rules={[requiredRule(t)]}>
        <Select options={choices(EMPLOYMENT_LABELS, language)} />
      </Form.Item>
      <Form.Item name="job" label={t('schoolRecords.team.job')} rules={[requiredRule(t)]}>
        <Select options={choices(TEAM_JOB_LABELS, language)} />
      </Form.Item>
      <Form.Item
        name="fromDate"
        label={t('schoolRecords.fromDate')}
        rules={[requiredRule(t), inYearRule(t, where.schoolYear)]}
      >
        <DatePicker format={SHOWN_DAY} />
      </Form.Item>
      <Form.Item
        name="toDate"
        label={t('schoolRecords.toDate')}
        extra={t('schoolRecords.team.toDateHint')}
        dependencies={['fromDate']}
        rules={[inYearRule(t, where.schoolYear), notBeforeRule(t, 'fromDate')]}
      >
        <DatePicker format={SHOWN_DAY} />
      </Form.Item>
    </FormDrawer>
  );
};
