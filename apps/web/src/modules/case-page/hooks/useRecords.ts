import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/apiClient';
import { dataOf } from '../../api/problem';
import { caseKey } from './useCase';

// Under the case's key: a step or a record sent invalidates them with the case.
export const useRecords = (id: string) =>
  useQuery({
    queryKey: [...caseKey(id), 'records'],
    queryFn: async () => dataOf(await api.GET('/api/cases/{id}/records', { params: { path: { id } } })),
  });

export const useReferrals = (id: string) =>
  useQuery({
    queryKey: [...caseKey(id), 'referrals'],
    queryFn: async () => dataOf(await api.GET('/api/cases/{id}/referrals', { params: { path: { id } } })).items,
  });

export const useConsents = (id: string) =>
  useQuery({
    queryKey: [...caseKey(id), 'consents'],
    queryFn: async () => dataOf(await api.GET('/api/cases/{id}/consents', { params: { path: { id } } })).items,
  });

export const useAttachments = (id: string) =>
  useQuery({
    queryKey: [...caseKey(id), 'attachments'],
    queryFn: async () => dataOf(await api.GET('/api/cases/{id}/attachments', { params: { path: { id } } })).items,
  });
