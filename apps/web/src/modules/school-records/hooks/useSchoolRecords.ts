import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/apiClient';
import { dataOf } from '../../api/problem';
import { useSession } from '../../session/hooks/useSession';

export type RecordsKind = 'team' | 'activities' | 'training' | 'facilities';
export type Where = { schoolId: string; schoolYear: string };

export const recordsKey = (kind: RecordsKind, where: Where | null) => ['school-records', kind, where];

// The school's leaders keep its records; its counsellors read them (the API refuses the rest).
export const useMayKeep = (): boolean => {
  const roles = useSession()?.user.roles ?? [];
  return roles.includes('supervisor') || roles.includes('principal');
};

export const useTeam = (where: Where | null) =>
  useQuery({
    queryKey: recordsKey('team', where),
    enabled: where !== null,
    queryFn: async () => dataOf(await api.GET('/api/school-records/team', { params: { query: where as Where } })).items,
  });

export const useActivities = (where: Where | null) =>
  useQuery({
    queryKey: recordsKey('activities', where),
    enabled: where !== null,
    queryFn: async () =>
      dataOf(await api.GET('/api/school-records/activities', { params: { query: where as Where } })).items,
  });

export const useTraining = (where: Where | null) =>
  useQuery({
    queryKey: recordsKey('training', where),
    enabled: where !== null,
    queryFn: async () =>
      dataOf(await api.GET('/api/school-records/training', { params: { query: where as Where } })).items,
  });

export const useFacilities = (where: Where | null) =>
  useQuery({
    queryKey: recordsKey('facilities', where),
    enabled: where !== null,
    queryFn: async () => dataOf(await api.GET('/api/school-records/facilities', { params: { query: where as Where } })),
  });

// The accounts of the school a team member or a trainee may be (its counsellors and supervisors).
export const useSchoolStaff = (schoolId: string) =>
  useQuery({
    queryKey: ['school-records', 'staff', schoolId],
    queryFn: async () =>
      dataOf(await api.GET('/api/schools/{id}/case-team', { params: { path: { id: schoolId } } })).items,
    staleTime: 5 * 60_000,
  });

export const useRefreshRecords = () => {
  const queryClient = useQueryClient();
  return (kind: RecordsKind) => queryClient.invalidateQueries({ queryKey: ['school-records', kind] });
};
