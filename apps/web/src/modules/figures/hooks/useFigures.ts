import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/apiClient';
import { dataOf } from '../../api/problem';
import type { components } from '../../api/openapiTypes';

type ReportKind = components['schemas']['ReportKind'];

export const schoolFiguresKey = (schoolId: string | null) => ['reports', 'school', schoolId] as const;

// One school's figures, counted exactly for its own leaders (principal, supervisor).
export const useSchoolFigures = (schoolId: string | null) =>
  useQuery({
    queryKey: schoolFiguresKey(schoolId),
    queryFn: async () =>
      dataOf(await api.GET('/api/reports/school/figures', { params: { query: { schoolId: schoolId ?? '' } } })),
    enabled: schoolId !== null,
  });

// Every school of the ward, cells of one to four learners as the API masks them ("<5").
export const useWardFigures = (enabled: boolean) =>
  useQuery({
    queryKey: ['reports', 'ward'],
    queryFn: async () => dataOf(await api.GET('/api/reports/ward/cases', {})),
    enabled,
  });

// Records that the school submitted a report; the figures reload to show it submitted.
export const useSubmitReport = (schoolId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (kind: ReportKind) =>
      dataOf(await api.POST('/api/reports/submissions', { body: { schoolId, kind } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: schoolFiguresKey(schoolId) }),
  });
};
