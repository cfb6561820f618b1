import { Checkbox, DatePicker, Form, Input, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { FormDrawer } from '../../forms/components/FormDrawer';
import { requiredRule, textRule } from '../../forms/textRules';
import { useI18n } from '../../i18n/I18nProvider';
import { AccountSelect } from '../components/AccountSelect';
import type { RecordDrawerProps } from '../components/YearListPage';
import { dayOf, inYearRule, notBeforeRule, SHOWN_DAY } from '../schoolYears';

export type Training = components['schemas']['TrainingViewDto'];
type Values = Omit<Training, 'id' | 'schoolId' | 'schoolYear' | 'updatedAt' | 'fromDate' | 'toDate'> & {
  fromDate: Dayjs;
  toDate?: Dayjs | null;
};

const FIELDS = ['fullName', 'userId', 'course', 'organiser', 'durationHours', 'fromDate', 'toDate', 'certificate'];

const bodyOf = (v: Values) => ({
  fullName: v.fullName.trim(),
  userId: v.userId ?? null,
  course: v.course.trim(),
  organiser: v.organiser.trim(),
  durationHours: v.durationHours,
  fromDate: dayOf(v.fromDate) as string,
  toDate: dayOf(v.toDate),
  certificate: v.certificate ?? false,
});

// A course a member of staff followed, added or replaced.
export const TrainingDrawer = ({ where, row, onClose }: RecordDrawerProps<Training>) => {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const initialValues: Partial<Values> = row
    ? { ...row, fromDate: dayjs(row.fromDate), toDate: row.toDate ? dayjs(row.toDate) : null }
    : { certificate: false };
  return (
    <FormDrawer<Values>
      title={row ? t('schoolRecords.training.editTitle', { name: row.course }) : t('schoolRecords.training.add')}
      form={form}
      fields={FIELDS}
      submit="adminUsers.save"
      initialValues={initialValues}
      onClose={onClose}
      send={(v) =>
        row
          ? api.PUT('/api/school-records/training/{id}', { params: { path: { id: row.id } }, body: bodyOf(v) })
          : api.POST('/api/school-records/training', { body: { ...where, ...bodyOf(v) } })
      }
    >
      <AccountSelect form={form} schoolId={where.schoolId} />
      <Form.Item name="fullName" label={t('schoolRecords.fullName')} required rules={[textRule(t, 200, true)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="course" label={t('schoolRecords.training.course')} required rules={[textRule(t, 300, true)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="organiser"
        label={t('schoolRecords.training.organiser')}
        required
        rules={[textRule(t, 300, true)]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="durationHours"
        label={t('schoolRecords.training.hours')}
        rules={[
          requiredRule(t),
          { type: 'number', min: 0.1, max: 1000, message: t('schoolRecords.training.hoursRule') },
        ]}
      >
        <InputNumber step={0.5} precision={1} />
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
        extra={t('schoolRecords.training.toDateHint')}
        dependencies={['fromDate']}
        rules={[inYearRule(t, where.schoolYear), notBeforeRule(t, 'fromDate')]}
      >
        <DatePicker format={SHOWN_DAY} />
      </Form.Item>
      <Form.Item name="certificate" valuePropName="checked">
        <Checkbox>{t('schoolRecords.training.certificate')}</Checkbox>
      </Form.Item>
    </FormDrawer>
  );
};
