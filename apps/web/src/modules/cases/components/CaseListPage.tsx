import { useQuery } from '@tanstack/react-query';
import { Alert, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/apiClient';
import { ApiProblemError, dataOf, problemMessage } from '../../api/problem';
import { useI18n } from '../../i18n/I18nProvider';
import { menuOf } from '../../navigation/navigation';
import { useSession } from '../../session/hooks/useSession';
import { CaseTable } from './CaseTable';

const PAGE_SIZE = 20;
// The API answers page numbers within a list's first 10,000 cases (past them it is walked by cursor): the table
// offers no page it would refuse.
const PAGE_REACH = 10_000;

// The cases the caller may read, a page at a time as the API gives them: never the whole list.
export const CaseListPage = () => {
  const { t, language } = useI18n();
  const user = useSession()?.user;
  // An empty list says what to do next: open a case, for whoever may; otherwise where cases come from.
  const mayOpen = !!user && menuOf(user).some((entry) => entry.path === '/ho-so/moi');
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
      {(cases.data?.total ?? 0) > PAGE_REACH && (
        <Alert
          type="info"
          showIcon
          title={t('cases.beyondReach', { shown: PAGE_REACH, total: cases.data?.total ?? 0 })}
        />
      )}
      <CaseTable
        cases={cases.data?.items}
        loading={cases.isPending}
        empty={t(mayOpen ? 'cases.empty' : 'cases.emptyReader')}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: Math.min(cases.data?.total ?? 0, PAGE_REACH),
          onChange: setPage,
          showSizeChanger: false,
        }}
      />
    </section>
  );
};
