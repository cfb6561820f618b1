import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/apiClient';
import { dataOf } from '../../api/problem';

export const caseKey = (id: string) => ['case', id] as const;

export const useCase = (id: string) =>
  useQuery({
    queryKey: caseKey(id),
    queryFn: async () => dataOf(await api.GET('/api/cases/{id}', { params: { path: { id } } })),
    retry: false,
  });

export const useChronology = (id: string) =>
  useQuery({
    queryKey: [...caseKey(id), 'chronology'],
    queryFn: async () => dataOf(await api.GET('/api/cases/{id}/chronology', { params: { path: { id } } })),
  });
