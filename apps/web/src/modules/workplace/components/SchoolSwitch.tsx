import { Select, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkplace } from '../hooks/useWorkplace';

// The school in the header: its name, or a choice of the person's schools when they work in several.
export const SchoolSwitch = () => {
  const { t } = useI18n();
  const { schools, current, choose } = useWorkplace();
  if (!current) return null;
  if (schools.length === 1) {
    return (
      <Typography.Text type="secondary" data-testid="user-school">
        {current.name}
      </Typography.Text>
    );
  }
  return (
    <Select
      aria-label={t('header.school')}
      data-testid="user-school"
      value={current.id}
      onChange={choose}
      options={schools.map((s) => ({ value: s.id, label: s.name }))}
      popupMatchSelectWidth={false}
    />
  );
};
