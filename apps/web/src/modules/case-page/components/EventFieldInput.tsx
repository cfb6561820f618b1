import { useQuery } from '@tanstack/react-query';
import { DatePicker, Input, InputNumber, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../api/apiClient';
import { dataOf } from '../../api/problem';
import { useI18n } from '../../i18n/I18nProvider';
import { PROVIDER_KIND_LABELS, ROLE_LABELS } from '../../labels/valueLabels';
import type { ChoiceLabels, EventField } from '../eventForms';

// antd's Form.Item hands its child `id`, `value` and `onChange`: each kind of field passes them to its input.
type Props = {
  field: EventField;
  schoolId: string;
  id?: string;
  value?: unknown;
  onChange?: (value: unknown) => void;
};

const optionsOf = (labels: ChoiceLabels = {}, language: 'vi' | 'en') =>
  Object.entries(labels).map(([value, label]) => ({ value, label: label[language] }));

// The active services of the ward's directory, by kind and name.
const ReceiverSelect = ({ schoolId: _schoolId, ...props }: Omit<Props, 'field'>) => {
  const { t, language } = useI18n();
  const providers = useQuery({
    queryKey: ['directory'],
    queryFn: async () => dataOf(await api.GET('/api/directory', {})),
  });
  return (
    <Select
      {...props}
      showSearch={{ optionFilterProp: 'label' }}
      loading={providers.isPending}
      placeholder={t('casePage.choose')}
      options={(providers.data?.items ?? []).map((p) => ({
        value: p.id,
        label: `${p.name} (${PROVIDER_KIND_LABELS[p.kind][language]})`,
      }))}
    />
  );
};

// The school's case team, by name and role.
const AssigneeSelect = ({ schoolId, ...props }: Omit<Props, 'field'>) => {
  const { t, language } = useI18n();
  const team = useQuery({
    queryKey: ['case-team', schoolId],
    queryFn: async () =>
      dataOf(await api.GET('/api/schools/{id}/case-team', { params: { path: { id: schoolId } } })).items,
  });
  return (
    <Select
      {...props}
      loading={team.isPending}
      placeholder={t('casePage.choose')}
      options={(team.data ?? []).map((m) => ({
        value: m.id,
        label: `${m.fullName} (${m.roles.map((r) => ROLE_LABELS[r][language]).join(', ')})`,
      }))}
    />
  );
};

export const EventFieldInput = ({ field, schoolId, ...props }: Props) => {
  const { t, language } = useI18n();
  switch (field.kind) {
    case 'line':
      return <Input {...props} value={props.value as string} />;
    case 'list':
      return <Input.TextArea {...props} value={props.value as string} rows={3} placeholder={t('casePage.listHint')} />;
    case 'day':
      return <DatePicker {...props} value={props.value as dayjs.Dayjs} format="DD/MM/YYYY" />;
    case 'pastDay':
      return (
        <DatePicker
          {...props}
          value={props.value as dayjs.Dayjs}
          format="DD/MM/YYYY"
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        />
      );
    case 'instant':
    case 'pastInstant':
      return (
        <DatePicker
          {...props}
          value={props.value as dayjs.Dayjs}
          showTime={{ format: 'HH:mm' }}
          needConfirm={false}
          format="DD/MM/YYYY HH:mm"
          disabledDate={field.kind === 'pastInstant' ? (d) => d.isAfter(dayjs(), 'day') : undefined}
        />
      );
    case 'number':
      return <InputNumber {...props} value={props.value as number} min={field.min} max={field.max} precision={0} />;
    case 'yesNo':
      return (
        <Radio.Group
          {...props}
          value={props.value}
          onChange={(e) => props.onChange?.(e.target.value)}
          options={[
            { value: 'yes', label: t('casePage.yes') },
            { value: 'no', label: t('casePage.no') },
          ]}
        />
      );
    case 'choice':
      return (
        <Select
          {...props}
          allowClear={!field.required}
          placeholder={t('casePage.choose')}
          options={optionsOf(field.options, language)}
        />
      );
    case 'receiver':
      return <ReceiverSelect schoolId={schoolId} {...props} />;
    case 'assignee':
      return <AssigneeSelect schoolId={schoolId} {...props} />;
    case 'text':
      return <Input.TextArea {...props} value={props.value as string} rows={4} />;
  }
};
