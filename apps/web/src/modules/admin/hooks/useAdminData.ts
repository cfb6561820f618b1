import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/apiClient';
import { dataOf } from '../../api/problem';

// The admin's lists, each under its own key so that a change invalidates only the list it touches.
export const ADMIN_KEYS = {
  users: ['admin', 'users'],
  wards: ['admin', 'wards'],
  schools: ['admin', 'schools'],
  auditorGrants: ['admin', 'auditor-grants'],
  grants: ['admin', 'grants'],
  directory: ['admin', 'directory'],
  calendar: (year: number) => ['admin', 'calendar', year],
  failedDeliveries: ['admin', 'outbox', 'failed'],
} as const;

export const useUsers = () =>
  useQuery({
    queryKey: ADMIN_KEYS.users,
    queryFn: async () => dataOf(await api.GET('/api/admin/users')).items,
  });

export const useWards = () =>
  useQuery({
    queryKey: ADMIN_KEYS.wards,
    queryFn: async () => dataOf(await api.GET('/api/admin/wards')).items,
  });

export const useSchools = () =>
  useQuery({
    queryKey: ADMIN_KEYS.schools,
    queryFn: async () => dataOf(await api.GET('/api/admin/schools')).items,
  });

export const useAuditorGrants = () =>
  useQuery({
    queryKey: ADMIN_KEYS.auditorGrants,
    queryFn: async () => dataOf(await api.GET('/api/admin/auditor-grants')).items,
  });

export const usePrincipalGrants = () =>
  useQuery({
    queryKey: ADMIN_KEYS.grants,
    queryFn: async () => dataOf(await api.GET('/api/admin/grants')).items,
  });

// The admin reads every ward's directory, the receivers no longer referred to as well (to see what was retired).
export const useDirectory = () =>
  useQuery({
    queryKey: ADMIN_KEYS.directory,
    queryFn: async () =>
      dataOf(await api.GET('/api/directory', { params: { query: { includeInactive: true } } })).items,
  });

export const useCalendarYear = (year: number) =>
  useQuery({
    queryKey: ADMIN_KEYS.calendar(year),
    queryFn: async () => dataOf(await api.GET('/api/admin/calendar/{year}', { params: { path: { year } } })),
  });

// The messages that gave up, newest first: the first hundred, which is more than a school should ever see before
// someone fixes the address or the mail server.
export const useFailedDeliveries = () =>
  useQuery({
    queryKey: ADMIN_KEYS.failedDeliveries,
    queryFn: async () =>
      dataOf(await api.GET('/api/admin/outbox', { params: { query: { status: 'failed', pageSize: 100 } } })).items,
  });

// After a change: the list it touched is read again.
export const useRefresh = () => {
  const queryClient = useQueryClient();
  return (key: readonly unknown[]) => queryClient.invalidateQueries({ queryKey: key });
};
