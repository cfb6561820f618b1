import { Form, Select } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { ROLE_LABELS } from '../../labels/valueLabels';
import { useSchools, useWards } from '../hooks/useAdminData';
import { rolesRules, schoolsRules } from './userRules';

export const ROLES = Object.keys(ROLE_LABELS) as (keyof typeof ROLE_LABELS)[];

// What a person may do and where: their roles, their schools, and (for a ward officer or an inspector) their ward.
export const AccessInputs = () => {
  const { t, language } = useI18n();
  const schools = useSchools();
  const wards = useWards();
  return (
    <>
      <Form.Item name="roles" label={t('adminUsers.roles')} required rules={rolesRules(t)}>
        <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][language] }))} />
      </Form.Item>
      <Form.Item
        name="schoolIds"
        label={t('adminUsers.schools')}
        extra={t('adminUsers.schoolsHint')}
        rules={schoolsRules(t)}
      >
        <Select
          mode="multiple"
          loading={schools.isPending}
          options={schools.data?.map((s) => ({ value: s.id, label: s.name }))}
          optionFilterProp="label"
        />
      </Form.Item>
      {/* No placeholders: antd's placeholder grey falls under 4.5:1; the label and its hint say what to choose. */}
      <Form.Item name="wardId" label={t('adminUsers.ward')} extra={t('adminUsers.wardHint')}>
        <Select
          allowClear
          loading={wards.isPending}
          options={wards.data?.map((w) => ({ value: w.id, label: w.name }))}
        />
      </Form.Item>
    </>
  );
};
