import { Select, Space, Typography } from 'antd';
import type { DictionaryKey } from '../../i18n/dictionaryVi';
import { useI18n } from '../../i18n/I18nProvider';
import { yearChoices } from '../schoolYears';
import { useWhere } from '../hooks/useWhere';

// A page's title, the school in the header and the school year it shows.
export const YearBar = ({ title, intro }: { title: DictionaryKey; intro: DictionaryKey }) => {
  const { t } = useI18n();
  const { school, schoolYear, running, choose } = useWhere();
  return (
    <>
      <Typography.Title level={1}>{t(title)}</Typography.Title>
      <Typography.Paragraph>{t(intro)}</Typography.Paragraph>
      {/* A paragraph: its margin keeps the bar off the buttons below. */}
      <Typography.Paragraph>
        <Space wrap>
          {school && <Typography.Text strong>{school.name}</Typography.Text>}
          <label htmlFor="school-year">{t('schoolRecords.schoolYear')}</label>
          <Select
            id="school-year"
            data-testid="school-year"
            value={schoolYear}
            onChange={choose}
            options={yearChoices(running).map((y) => ({
              value: y,
              label: y === running ? t('schoolRecords.runningYear', { year: y }) : y,
            }))}
            popupMatchSelectWidth={false}
          />
        </Space>
      </Typography.Paragraph>
    </>
  );
};
