import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/apiClient';
import { dataOf } from '../../api/problem';

// The record of processing as the API builds it from each module's declarations (no one's data in it).
export const useProcessingRecord = () =>
  useQuery({
    queryKey: ['processing-record'],
    queryFn: async () => dataOf(await api.GET('/api/admin/privacy/processing-record', { params: { query: {} } })),
  });
