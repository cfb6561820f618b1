import { Alert, Badge, Card, Empty, Input, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiProblemError, problemMessage } from '../../api/problem';
import { DATE_TIME } from '../../case-page/components/CaseHeader';
import { RiskTag } from '../../cases/components/RiskTag';
import { RemainingTime } from '../../deadlines/components/RemainingTime';
import { nearestOf } from '../../deadlines/remainingTime';
import { useI18n } from '../../i18n/I18nProvider';
import { stageLabel } from '../../labels/stateLabels';
import { ALERT_LEVEL_LABELS } from '../../labels/valueLabels';
import { useSession } from '../../session/hooks/useSession';
import { MY_WORK_PAGE, useMyAlerts, useMyCases } from '../hooks/useMyWork';
import { groupByStage, STAGE_ORDER } from '../myWork';

// A counsellor's day: what the alerts say first, then their open cases stage by stage, the nearest deadline of each.
export const MyWorkPage = () => {
  const { t, language } = useI18n();
  const session = useSession();
  const [q, setQ] = useState('');
  const cases = useMyCases(session?.user.id ?? '', q);
  const alerts = useMyAlerts();
  const groups = groupByStage(cases.data?.items ?? [], STAGE_ORDER);

  return (
    <section>
      <Typography.Title level={1}>{t('myWork.title')}</Typography.Title>
      {(alerts.data?.items.length ?? 0) > 0 && (
        <Card title={t('myWork.alerts')} size="small" className="my-work-alerts">
          <List
            dataSource={alerts.data?.items}
            renderItem={(a) => (
              <List.Item>
                <Space wrap>
                  <Tag color={a.level === 'reminder' ? 'gold' : 'red'}>{ALERT_LEVEL_LABELS[a.level][language]}</Tag>
                  {a.caseId && <Link to={`/ho-so/${a.caseId}`}>{a.caseCode ?? t('myWork.openCase')}</Link>}
                  <span>{language === 'vi' ? a.reason : a.reasonEn}</span>
                  <Typography.Text type="secondary">{dayjs(a.createdAt).format(DATE_TIME)}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
      <Input.Search
        className="my-work-search"
        aria-label={t('myWork.search')}
        placeholder={t('myWork.search')}
        allowClear
        enterButton={t('myWork.find')}
        maxLength={100}
        onSearch={(value) => setQ(value.trim())}
      />
      {cases.error && (
        <Alert
          type="error"
          showIcon
          title={
            cases.error instanceof ApiProblemError ? problemMessage(cases.error.problem, language) : t('error.network')
          }
        />
      )}
      <Space wrap className="my-work-counts" data-testid="stage-counts">
        {groups.map((g) => (
          <Badge key={g.state} count={g.cases.length} color="blue" showZero>
            <Tag>{stageLabel(g.state, language)}</Tag>
          </Badge>
        ))}
      </Space>
      {(cases.data?.total ?? 0) > MY_WORK_PAGE && (
        <Alert type="info" showIcon title={t('myWork.more', { shown: MY_WORK_PAGE, total: cases.data?.total ?? 0 })} />
      )}
      {cases.isPending && <Card loading />}
      {!cases.isPending && groups.length === 0 && (
        <Empty description={q ? t('myWork.noMatch', { q }) : t('myWork.empty')} />
      )}
      {groups.map((g) => (
        <Card
          key={g.state}
          size="small"
          className="my-work-stage"
          title={<h2 className="my-work-stage-title">{`${stageLabel(g.state, language)} (${g.cases.length})`}</h2>}
        >
          <List
            dataSource={g.cases}
            renderItem={(c) => {
              const next = nearestOf(c.deadlines);
              return (
                <List.Item>
                  <Space wrap>
                    <Link to={`/ho-so/${c.id}`}>{c.code}</Link>
                    <span>{c.learnerName ?? t('myWork.unnamed')}</span>
                    <RiskTag risk={c.riskLevel} />
                    {next && (
                      <>
                        <span>
                          {next.label}: {t('casePage.dueAt', { at: dayjs(next.dueAt).format(DATE_TIME) })}
                        </span>
                        {next.paused ? <Tag>{t('casePage.paused')}</Tag> : <RemainingTime deadline={next} />}
                      </>
                    )}
                  </Space>
                </List.Item>
              );
            }}
          />
        </Card>
      ))}
    </section>
  );
};
