import { Alert } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';

export type ChainVerdict = { valid: boolean; events: number; firstInvalidSeq?: number };

// The verdict of a chain's check in one line: intact, or broken from which event on. An Alert rather than a
// coloured tag: its text keeps the page's contrast, the colour only repeats what the words say.
export const ChainBadge = ({ verdict, details }: { verdict: ChainVerdict; details?: string[] }) => {
  const { t } = useI18n();
  if (verdict.valid)
    return (
      <Alert
        type="success"
        showIcon
        data-testid="chain-verdict"
        title={t('history.intact')}
        description={t('history.intactDetail', { events: verdict.events })}
      />
    );
  const where =
    verdict.firstInvalidSeq === undefined
      ? t('history.brokenNoSeq')
      : t('history.brokenAt', { seq: verdict.firstInvalidSeq });
  return (
    <Alert
      type="error"
      showIcon
      data-testid="chain-verdict"
      title={t('history.broken')}
      description={
        <>
          <div>{where}</div>
          {details?.map((d) => (
            <div key={d}>{d}</div>
          ))}
          <div>{t('history.brokenNext')}</div>
        </>
      }
    />
  );
};
