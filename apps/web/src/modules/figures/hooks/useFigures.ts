import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/apiClient';
import { dataOf } from '../../api/problem';

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
