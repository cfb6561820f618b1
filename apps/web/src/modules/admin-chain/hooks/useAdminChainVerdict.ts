import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/apiClient';
import { dataOf } from '../../api/problem';

export const useAdminChainVerdict = () =>
  useQuery({
    queryKey: ['admin', 'audit', 'verify'],
    queryFn: async () => dataOf(await api.GET('/api/admin/audit/verify')),
    retry: false,
  });
