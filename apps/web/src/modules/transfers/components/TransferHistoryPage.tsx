import { Alert, Card, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import { ApiProblemError, problemMessage } from '../../api/problem';
import { DATE_TIME } from '../../case-page/components/CaseHeader';
import { actorRoleLabel, historyEventLabel } from '../../case-history/historyLabels';
import { useI18n } from '../../i18n/I18nProvider';
import { stageLabel } from '../../labels/stateLabels';
import { NotFoundPage } from '../../not-found/components/NotFoundPage';
import { useTransfer, useTransferHistory } from '../hooks/useTransfers';

// A case this school handed on, as the school keeps it: its trail up to the transfer and nothing after, read-only.
// What was confidential shows as such, never its content (the API leaves it out).
export const TransferHistoryPage = () => {
  const { transferId = '' } = useParams();
  const { t, language } = useI18n();
  const transfer = useTransfer(transferId);
  const history = useTransferHistory(transferId);
  const failure = transfer.error ?? history.error;
  if (failure instanceof ApiProblemError && failure.problem.statusCode === 404) return <NotFoundPage />;
  if (failure) {
    const message = failure instanceof ApiProblemError ? problemMessage(failure.problem, language) : t('error.network');
    return <Alert type="error" showIcon title={message} />;
  }
  if (!transfer.data || !history.data) return <Card loading />;
  const tr = transfer.data;
  const stage = (path: string | null) => (path ? (stageLabel(path, language) ?? t('history.unknownStage')) : null);
  return (
    <section>
      <Typography.Title level={1}>{t('transfers.historyTitle', { name: tr.learnerName ?? '' })}</Typography.Title>
      <Typography.Paragraph>{t('transfers.historyIntro')}</Typography.Paragraph>
      {/* Plain lines: antd's Descriptions labels fail the contrast check (axe). */}
      <Typography.Paragraph>
        {t('transfers.to')}: {tr.toSchool.name}
        <br />
        {t('transfers.requestedAt')}: {dayjs(tr.requestedAt).format(DATE_TIME)}
        <br />
        {t('transfers.answeredAt')}: {tr.answeredAt ? dayjs(tr.answeredAt).format(DATE_TIME) : ''}
      </Typography.Paragraph>
      <Typography.Title level={2}>{t('transfers.historyEvents')}</Typography.Title>
      <Timeline
        items={history.data.map((e) => {
          const from = stage(e.fromState);
          const to = stage(e.toState);
          const who = [e.actorName ?? t('history.unknownActor'), actorRoleLabel(e.actorRole, language)]
            .filter(Boolean)
            .join(' · ');
          return {
            key: e.seq,
            title: dayjs(e.at).format(DATE_TIME),
            content: (
              <div data-testid={`transfer-history-event-${e.seq}`}>
                <strong>
                  {t('history.seq', { seq: e.seq })} · {historyEventLabel(e.type, language) ?? t('history.otherEvent')}
                </strong>
                {to && from !== to && <div>{from ? `${from} → ${to}` : to}</div>}
                <div>{who}</div>
                {e.masked.length > 0 && <Tag>{t('transfers.masked')}</Tag>}
              </div>
            ),
          };
        })}
      />
      <Link to="/chuyen-truong/di">{t('transfers.backToOutgoing')}</Link>
    </section>
  );
};
