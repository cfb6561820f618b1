import { useQuery } from '@tanstack/react-query';
import { Alert, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/apiClient';
import { ApiProblemError, dataOf, problemMessage } from '../../api/problem';
import type { components } from '../../api/openapiTypes';
import { useI18n } from '../../i18n/I18nProvider';
import { stageLabel } from '../../labels/stateLabels';
import { RISK_LABELS } from '../../labels/valueLabels';
import { RiskTag } from './RiskTag';

type CaseView = components['schemas']['CaseViewDto'];

const PAGE_SIZE = 20;

// The cases the caller may read, a page at a time as the API gives them: never the whole list.
export const CaseListPage = () => {
  const { t, language } = useI18n();
  const [page, setPage] = useState(1);
  const cases = useQuery({
    queryKey: ['cases', page],
    queryFn: async () => dataOf(await api.GET('/api/cases', { params: { query: { page, pageSize: PAGE_SIZE } } })),
  });
  return (
    <section>
      <Typography.Title level={1}>{t('cases.title')}</Typography.Title>
      {cases.error && (
        <Alert
          type="error"
          showIcon
          title={
            cases.error instanceof ApiProblemError ? problemMessage(cases.error.problem, language) : t('error.network')
          }
        />
      )}
      <Table
        rowKey="id"
        loading={cases.isPending}
        dataSource={cases.data?.items}
        locale={{ emptyText: t('cases.empty') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: cases.data?.total,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t('cases.code'),
            dataIndex: 'code',
            render: (code: string, row: CaseView) => <Link to={`/ho-so/${row.id}`}>{code}</Link>,
          },
          {
            title: t('cases.learner'),
            dataIndex: 'learnerName',
            // No learner yet (a public report), or one this person may not read the name of.
            render: (name: string | null, row: CaseView) =>
              name ?? (row.learnerId ? t('casePage.sealed') : t('myWork.unnamed')),
          },
          { title: t('cases.stage'), dataIndex: 'state', render: (state: string) => stageLabel(state, language) },
          {
            title: t('cases.risk'),
            dataIndex: 'riskLevel',
            render: (risk: keyof typeof RISK_LABELS) => <RiskTag risk={risk} />,
          },
        ]}
      />
    </section>
  );
};
