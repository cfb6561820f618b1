import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/apiClient';
import { dataOf } from '../../api/problem';
import { useSession } from '../../session/hooks/useSession';

export const dataRequestsKey = (schoolId: string | null) => ['data-requests', schoolId];

// The school's requests, newest first (the API orders them by arrival).
export const useDataRequests = (schoolId: string | null) =>
  useQuery({
    queryKey: dataRequestsKey(schoolId),
    enabled: schoolId !== null,
    queryFn: async () =>
      dataOf(await api.GET('/api/privacy/requests', { params: { query: { schoolId: schoolId as string } } })).items,
  });

export const useRefreshDataRequests = () => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['data-requests'] });
};

// Recording and reading is for the school's leaders; answering (export, correction, erasure) for its supervisors
// (POLICY['privacy.answer']): the API refuses the rest.
export const useMayAnswer = (): boolean => useSession()?.user.roles.includes('supervisor') ?? false;

// The learners of the school whose name matches, for a request's learner.
export const useLearnerSearch = (schoolId: string, q: string) =>
  useQuery({
    queryKey: ['learners', schoolId, q],
    enabled: q !== '',
    queryFn: async () => dataOf(await api.GET('/api/learners', { params: { query: { q, schoolId } } })).items,
  });

// The learner's cases, for a correction of a case's text: found by the learner's name, kept only if theirs.
export const useLearnerCases = (learnerId: string, learnerName: string | null) =>
  useQuery({
    queryKey: ['data-requests', 'cases', learnerId],
    enabled: learnerName !== null,
    queryFn: async () =>
      dataOf(
        await api.GET('/api/cases', { params: { query: { q: (learnerName ?? '').slice(0, 100), pageSize: 100 } } }),
      ).items.filter((c) => c.learnerId === learnerId),
  });
