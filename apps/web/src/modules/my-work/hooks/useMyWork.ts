import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/apiClient';
import { dataOf } from '../../api/problem';

// A counsellor's caseload fits in one page of the API's largest size; more than that is said on the page.
export const MY_WORK_PAGE = 100;

export const useMyCases = (userId: string, q: string) =>
  useQuery({
    queryKey: ['my-work', userId, q],
    queryFn: async () =>
      dataOf(
        await api.GET('/api/cases', {
          params: { query: { assigneeId: userId, pageSize: MY_WORK_PAGE, ...(q ? { q } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

export const useMyAlerts = () =>
  useQuery({
    queryKey: ['alerts', 'unacknowledged'],
    queryFn: async () => dataOf(await api.GET('/api/alerts', { params: { query: { unacknowledged: true } } })),
  });
