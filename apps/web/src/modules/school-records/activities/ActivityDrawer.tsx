import { Checkbox, DatePicker, Form, Input, InputNumber, Select, type FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { FormDrawer } from '../../forms/components/FormDrawer';
import { requiredRule, textRule } from '../../forms/textRules';
import type { Translate } from '../../i18n/I18nProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { ACTIVITY_KIND_LABELS, AREA_LABELS } from '../../labels/valueLabels';
import type { RecordDrawerProps } from '../components/YearListPage';
import { dayOf, inYearRule, SHOWN_DAY } from '../schoolYears';

export type Activity = components['schemas']['ActivityViewDto'];
type Values = Omit<Activity, 'id' | 'schoolId' | 'schoolYear' | 'updatedAt' | 'date'> & { date: Dayjs };

const FIELDS = [
  'date',
  'kind',
  'name',
  'areas',
  'grades',
  'parents',
  'teachers',
  'participants',
  'girls',
  'partners',
  'note',
];
const GRADES = Array.from({ length: 12 }, (_, i) => i + 1);
const MAX_PEOPLE = 100_000;

// Girls are counted among the participants.
const girlsRule =
  (t: Translate): FormRule =>
  ({ getFieldValue }) => ({
    validator: async (_, value: number | null | undefined) => {
      const total = getFieldValue('participants') as number | null | undefined;
      if (value != null && total != null && value > total) throw new Error(t('schoolRecords.activity.girlsOver'));
    },
  });

// Someone came: learners of some grade, parents or teachers.
const audienceRule =
  (t: Translate): FormRule =>
  ({ getFieldValue }) => ({
    validator: async (_, grades: number[] | undefined) => {
      if (!grades?.length && !getFieldValue('parents') && !getFieldValue('teachers'))
        throw new Error(t('schoolRecords.activity.noAudience'));
    },
  });

const countRules = (t: Translate): FormRule[] => [
  requiredRule(t),
  { type: 'integer', min: 0, max: MAX_PEOPLE, message: t('schoolRecords.activity.count', { max: MAX_PEOPLE }) },
];

const bodyOf = (v: Values) => ({
  date: dayOf(v.date) as string,
  kind: v.kind,
  name: v.name.trim(),
  areas: v.areas,
  grades: v.grades ?? [],
  parents: v.parents ?? false,
  teachers: v.teachers ?? false,
  participants: v.participants,
  girls: v.girls,
  partners: v.partners?.trim() ? v.partners.trim() : null,
  note: v.note?.trim() ? v.note.trim() : null,
});

// A prevention or communication activity, added or replaced.
export const ActivityDrawer = ({ where, row, onClose }: RecordDrawerProps<Activity>) => {
  const { t, language } = useI18n();
  const [form] = Form.useForm<Values>();
  const initialValues: Partial<Values> = row
    ? { ...row, date: dayjs(row.date) }
    : { kind: 'chuyen_de', areas: [], grades: [], parents: false, teachers: false };
  return (
    <FormDrawer<Values>
      title={row ? t('schoolRecords.activity.editTitle', { name: row.name }) : t('schoolRecords.activity.add')}
      form={form}
      fields={FIELDS}
      submit="adminUsers.save"
      initialValues={initialValues}
      onClose={onClose}
      send={(v) =>
        row
          ? api.PUT('/api/school-records/activities/{id}', { params: { path: { id: row.id } }, body: bodyOf(v) })
          : api.POST('/api/school-records/activities', { body: { ...where, ...bodyOf(v) } })
      }
    >
      <Form.Item
        name="date"
        label={t('schoolRecords.activity.date')}
        rules={[requiredRule(t), inYearRule(t, where.schoolYear)]}
      >
        <DatePicker format={SHOWN_DAY} />
      </Form.Item>
      <Form.Item name="kind" label={t('schoolRecords.activity.kind')} rules={[requiredRule(t)]}>
        <Select
          options={(Object.keys(ACTIVITY_KIND_LABELS) as Activity['kind'][]).map((k) => ({
            value: k,
            label: ACTIVITY_KIND_LABELS[k][language],
          }))}
        />
      </Form.Item>
      <Form.Item name="name" label={t('schoolRecords.activity.name')} required rules={[textRule(t, 300, true)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="areas"
        label={t('schoolRecords.activity.areas')}
        rules={[{ required: true, type: 'array', min: 1, message: t('schoolRecords.activity.noArea') }]}
      >
        <Select
          mode="multiple"
          options={(Object.keys(AREA_LABELS) as Activity['areas']).map((a) => ({
            value: a,
            label: AREA_LABELS[a][language],
          }))}
        />
      </Form.Item>
      <Form.Item
        name="grades"
        label={t('schoolRecords.activity.grades')}
        dependencies={['parents', 'teachers']}
        rules={[audienceRule(t)]}
      >
        <Select
          mode="multiple"
          options={GRADES.map((g) => ({ value: g, label: t('schoolRecords.activity.grade', { grade: g }) }))}
        />
      </Form.Item>
      <Form.Item name="parents" valuePropName="checked">
        <Checkbox>{t('schoolRecords.activity.parents')}</Checkbox>
      </Form.Item>
      <Form.Item name="teachers" valuePropName="checked">
        <Checkbox>{t('schoolRecords.activity.teachers')}</Checkbox>
      </Form.Item>
      <Form.Item name="participants" label={t('schoolRecords.activity.participants')} rules={countRules(t)}>
        <InputNumber min={0} max={MAX_PEOPLE} precision={0} />
      </Form.Item>
      <Form.Item
        name="girls"
        label={t('schoolRecords.activity.girls')}
        dependencies={['participants']}
        rules={[...countRules(t), girlsRule(t)]}
      >
        <InputNumber min={0} max={MAX_PEOPLE} precision={0} />
      </Form.Item>
      <Form.Item
        name="partners"
        label={t('schoolRecords.activity.partners')}
        extra={t('schoolRecords.activity.partnersHint')}
        rules={[textRule(t, 1000)]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="note" label={t('schoolRecords.note')} rules={[textRule(t, 2000)]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormDrawer>
  );
};
