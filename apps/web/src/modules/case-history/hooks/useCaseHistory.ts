import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/apiClient';
import { dataOf } from '../../api/problem';

// Under the case's own key, so that whatever reloads the case reloads its history too.
export const useCaseHistory = (id: string) =>
  useQuery({
    queryKey: ['case', id, 'history'],
    queryFn: async () => dataOf(await api.GET('/api/cases/{id}/history', { params: { path: { id } } })),
    retry: false,
  });

export const useCaseChainVerdict = (id: string) =>
  useQuery({
    queryKey: ['case', id, 'history', 'verify'],
    queryFn: async () => dataOf(await api.GET('/api/cases/{id}/history/verify', { params: { path: { id } } })),
    retry: false,
  });
