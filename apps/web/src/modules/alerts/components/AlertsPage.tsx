import { Alert, Button, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import type { components } from '../../api/openapiTypes';
import { ApiProblemError, problemMessage } from '../../api/problem';
import { DATE_TIME } from '../../case-page/components/CaseHeader';
import { emptyText } from '../../forms/components/EmptyText';
import { useI18n } from '../../i18n/I18nProvider';
import { ALERT_LEVEL_LABELS } from '../../labels/valueLabels';
import { ALERTS_PAGE, useAlerts } from '../hooks/useAlerts';
import { AckDrawer } from './AckDrawer';

type AlertView = components['schemas']['AlertViewDto'];

// The alerts addressed to this person: what is overdue or at risk, each acknowledged with the next action.
export const AlertsPage = () => {
  const { t, language } = useI18n();
  const [page, setPage] = useState(1);
  const [onlyOpen, setOnlyOpen] = useState(true);
  const [acking, setAcking] = useState<AlertView | null>(null);
  const alerts = useAlerts(page, onlyOpen);
  return (
    <section>
      <Typography.Title level={1}>{t('alerts.title')}</Typography.Title>
      <label className="alerts-filter">
        <Switch
          checked={onlyOpen}
          onChange={(v) => {
            setOnlyOpen(v);
            setPage(1);
          }}
        />{' '}
        {t('alerts.onlyOpen')}
      </label>
      {alerts.error instanceof ApiProblemError && (
        <Alert type="error" showIcon title={problemMessage(alerts.error.problem, language)} />
      )}
      <Table<AlertView>
        rowKey="id"
        size="small"
        loading={alerts.isPending}
        dataSource={alerts.data?.items}
        scroll={{ x: 'max-content' }}
        locale={emptyText(onlyOpen ? t('alerts.emptyOpen') : t('alerts.empty'))}
        pagination={{
          current: page,
          pageSize: ALERTS_PAGE,
          total: alerts.data?.total,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t('alerts.level'),
            dataIndex: 'level',
            render: (level: AlertView['level']) => (
              <Tag color={level === 'reminder' ? 'gold' : 'red'}>{ALERT_LEVEL_LABELS[level][language]}</Tag>
            ),
          },
          {
            title: t('cases.code'),
            key: 'case',
            render: (_, a) => a.caseId && <Link to={`/ho-so/${a.caseId}`}>{a.caseCode ?? t('myWork.openCase')}</Link>,
          },
          {
            title: t('alerts.what'),
            key: 'reason',
            render: (_, a) => (language === 'vi' ? a.reason : a.reasonEn),
          },
          { title: t('alerts.when'), dataIndex: 'createdAt', render: (at: string) => dayjs(at).format(DATE_TIME) },
          {
            title: t('alerts.nextAction'),
            key: 'ack',
            render: (_, a) =>
              a.acknowledgedAt ? (
                a.nextAction
              ) : (
                <Button size="small" onClick={() => setAcking(a)}>
                  {t('alerts.ack')}
                </Button>
              ),
          },
        ]}
      />
      {acking && <AckDrawer alert={acking} onClose={() => setAcking(null)} />}
    </section>
  );
};
