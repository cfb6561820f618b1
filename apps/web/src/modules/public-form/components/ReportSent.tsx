import { Button, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/I18nProvider';

// The answer to a sent report: the tracking code to keep and what happens next. Focus moves to its heading so a
// screen reader reads it out at once.
export const ReportSent = ({ trackingCode, onAnother }: { trackingCode: string; onAnother: () => void }) => {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="public-sent" aria-labelledby="public-sent-heading">
      <h2 id="public-sent-heading" ref={heading} tabIndex={-1} className="public-sent-heading">
        {t('publicForm.sentTitle')}
      </h2>
      <p>{t('publicForm.trackingLabel')}</p>
      <Typography.Paragraph className="public-tracking-code" data-testid="tracking-code" copyable>
        {trackingCode}
      </Typography.Paragraph>
      <p>{t('publicForm.trackingKeep')}</p>
      <h3 className="public-next-heading">{t('publicForm.nextTitle')}</h3>
      <ul className="public-next">
        <li>{t('publicForm.nextRead')}</li>
        <li>{t('publicForm.nextContact')}</li>
        <li>{t('publicForm.nextDanger')}</li>
      </ul>
      <Button onClick={onAnother}>{t('publicForm.another')}</Button>
    </section>
  );
};
