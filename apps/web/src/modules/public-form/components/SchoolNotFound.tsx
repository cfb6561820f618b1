import { Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';

// A code no school has (a mistyped address, an old notice): what to do instead, and what was written, to copy.
export const SchoolNotFound = ({ schoolCode, written }: { schoolCode: string; written?: string }) => {
  const { t } = useI18n();
  return (
    <section className="public-not-found" aria-labelledby="public-not-found-heading">
      <h2 id="public-not-found-heading" className="public-sent-heading">
        {t('publicForm.noSchoolTitle', { code: schoolCode })}
      </h2>
      <p>{t('publicForm.noSchoolText')}</p>
      {written && (
        <>
          <p>{t('publicForm.noSchoolWritten')}</p>
          <Typography.Paragraph className="public-written" copyable>
            {written}
          </Typography.Paragraph>
        </>
      )}
    </section>
  );
};
