import { Form, Select, type FormInstance } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { useSchoolStaff } from '../hooks/useSchoolRecords';

// A person who has an account of the school: picked from its staff, their name filled in when the name is empty.
export const AccountSelect = ({ form, schoolId }: { form: FormInstance; schoolId: string }) => {
  const { t } = useI18n();
  const staff = useSchoolStaff(schoolId);
  return (
    <Form.Item name="userId" label={t('schoolRecords.account')} extra={t('schoolRecords.accountHint')}>
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        options={staff.data?.map((s) => ({ value: s.id, label: s.fullName }))}
        onChange={(id: string | undefined) => {
          const person = staff.data?.find((s) => s.id === id);
          if (person && !String(form.getFieldValue('fullName') ?? '').trim())
            form.setFieldValue('fullName', person.fullName);
        }}
      />
    </Form.Item>
  );
};
