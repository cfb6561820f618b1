import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/apiClient';
import { dataOf } from '../../api/problem';

export const transfersKey = ['transfers'];

// The requests sent to the caller's schools, newest first, each with the case's summary while it waits.
export const useIncomingTransfers = () =>
  useQuery({
    queryKey: [...transfersKey, 'incoming'],
    queryFn: async () => dataOf(await api.GET('/api/transfers', { params: { query: { incoming: true } } })).items,
  });

// The requests the caller's schools sent, newest first: waiting, accepted or declined.
export const useOutgoingTransfers = () =>
  useQuery({
    queryKey: [...transfersKey, 'outgoing'],
    queryFn: async () => dataOf(await api.GET('/api/transfers', { params: { query: { incoming: false } } })).items,
  });

export const useTransfer = (id: string) =>
  useQuery({
    queryKey: [...transfersKey, id],
    queryFn: async () => dataOf(await api.GET('/api/transfers/{id}', { params: { path: { id } } })),
    retry: false,
  });

// What the sending school keeps of a case it handed on: its trail up to the transfer, confidential fields masked.
export const useTransferHistory = (id: string) =>
  useQuery({
    queryKey: [...transfersKey, id, 'history'],
    queryFn: async () => dataOf(await api.GET('/api/transfers/{id}/history', { params: { path: { id } } })).items,
    retry: false,
  });

export const useRefreshTransfers = () => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: transfersKey });
};

// Every school but the caller's own: where a case may go.
export const useReceivingSchools = (enabled: boolean) =>
  useQuery({
    queryKey: [...transfersKey, 'schools'],
    enabled,
    queryFn: async () => dataOf(await api.GET('/api/transfers/schools')).items,
  });

// The receiving school's counsellors, for the case's new assignee.
export const useCounsellors = (schoolId: string) =>
  useQuery({
    queryKey: ['case-team', schoolId],
    queryFn: async () =>
      dataOf(await api.GET('/api/schools/{id}/case-team', { params: { path: { id: schoolId } } })).items,
  });
