import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/apiClient';
import { dataOf } from '../../api/problem';
import type { paths } from '../../api/openapiTypes';

type CaseQuery = NonNullable<paths['/api/cases']['get']['parameters']['query']>;

// One section of the supervisor's queue: the first page of the cases matching `query`, most recent first.
export const useCaseSection = (name: string, query: CaseQuery) =>
  useQuery({
    queryKey: ['cases', 'queue', name],
    queryFn: async () => dataOf(await api.GET('/api/cases', { params: { query: { pageSize: 50, ...query } } })),
  });
