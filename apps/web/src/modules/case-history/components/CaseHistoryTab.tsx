import { Alert, Space, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { ApiProblemError, problemMessage } from '../../api/problem';
import { useI18n } from '../../i18n/I18nProvider';
import { CHAIN_CHECK_LABELS } from '../../labels/valueLabels';
import { stageLabel } from '../../labels/stateLabels';
import { actorRoleLabel, historyEventLabel } from '../historyLabels';
import { useCaseChainVerdict, useCaseHistory } from '../hooks/useCaseHistory';
import { ChainBadge } from './ChainBadge';
import './caseHistory.css';

const DATE_TIME = 'DD/MM/YYYY HH:mm';

// The case's audit trail as an inspector reads it: every event, reads included, with who, in which role, when,
// and the stage it moved between; above it whether the chain still holds, and the first event where it does not.
export const CaseHistoryTab = ({ caseId }: { caseId: string }) => {
  const { t, language } = useI18n();
  const history = useCaseHistory(caseId);
  const verdict = useCaseChainVerdict(caseId);
  const failure = history.error ?? verdict.error;
  if (failure) {
    const message = failure instanceof ApiProblemError ? problemMessage(failure.problem, language) : t('error.network');
    return <Alert type="error" showIcon title={message} />;
  }
  const badSeq = verdict.data && !verdict.data.valid ? verdict.data.firstInvalidSeq : undefined;
  const findings = (verdict.data?.findings ?? []).map(
    (f) =>
      `${f.seq === undefined ? '' : `${t('history.seq', { seq: f.seq })}: `}${CHAIN_CHECK_LABELS[f.check][language]}`,
  );
  const items = history.data?.items ?? [];
  const stage = (path: string | null) => (path ? (stageLabel(path, language) ?? t('history.unknownStage')) : null);

  return (
    <Space orientation="vertical" size="middle" className="case-history">
      {verdict.data ? (
        <ChainBadge verdict={verdict.data} details={findings} />
      ) : (
        <Alert type="info" title={t('history.checking')} />
      )}
      {history.isPending ? (
        <Typography.Text>{t('casePage.loading')}</Typography.Text>
      ) : items.length === 0 ? (
        <Typography.Text>{t('history.empty')}</Typography.Text>
      ) : (
        <Timeline
          items={items.map((e) => {
            const bad = e.seq === badSeq;
            const from = stage(e.fromState);
            const to = stage(e.toState);
            const who = [e.actorName ?? t('history.unknownActor'), actorRoleLabel(e.actorRole, language)]
              .filter(Boolean)
              .join(' · ');
            return {
              key: e.seq,
              color: bad ? 'red' : 'blue',
              title: dayjs(e.at).format(DATE_TIME),
              content: (
                <div data-testid={`history-event-${e.seq}`} data-broken={bad ? 'true' : undefined}>
                  <strong className={bad ? 'history-broken' : undefined}>
                    {t('history.seq', { seq: e.seq })} ·{' '}
                    {historyEventLabel(e.type, language) ?? t('history.otherEvent')}
                  </strong>
                  {bad && <div className="history-broken">{t('history.brokenEvent')}</div>}
                  {to && from !== to && <div>{from ? `${from} → ${to}` : to}</div>}
                  <div>{who}</div>
                </div>
              ),
            };
          })}
        />
      )}
    </Space>
  );
};
