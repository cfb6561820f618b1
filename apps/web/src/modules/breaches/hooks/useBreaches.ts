import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../api/apiClient';
import { dataOf } from '../../api/problem';

export const BREACHES_KEY = ['breaches'] as const;
export const BREACHES_PAGE_SIZE = 20;

// One page of the breaches the caller may read, newest first (the API pages them).
export const useBreaches = (page: number) =>
  useQuery({
    queryKey: [...BREACHES_KEY, page],
    queryFn: async () =>
      dataOf(
        await api.GET('/api/admin/privacy/breaches', { params: { query: { page, pageSize: BREACHES_PAGE_SIZE } } }),
      ),
  });

// After a step: every page is read again (a step changes a row's status and clock).
export const useRefreshBreaches = () => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: BREACHES_KEY });
};

// The page's own "now", moved on each minute, so that the hours left count down while the page stays open.
export const useNow = (everyMs = 60_000): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
};
