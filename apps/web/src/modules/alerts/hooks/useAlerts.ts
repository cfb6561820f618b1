import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/apiClient';
import { dataOf } from '../../api/problem';

export const ALERTS_PAGE = 20;

// The caller's alerts a page at a time, the unacknowledged ones only unless asked for all.
export const useAlerts = (page: number, onlyOpen: boolean) =>
  useQuery({
    queryKey: ['alerts', { page, onlyOpen }],
    queryFn: async () =>
      dataOf(
        await api.GET('/api/alerts', {
          params: { query: { page, pageSize: ALERTS_PAGE, ...(onlyOpen ? { unacknowledged: true } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
