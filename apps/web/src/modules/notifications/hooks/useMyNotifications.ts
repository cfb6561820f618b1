import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { dataOf } from '../../api/problem';

export type MyNotifications = components['schemas']['MyNotificationsDto'];
export type UpdateMyNotifications = components['schemas']['UpdateMyNotificationsDto'];

const KEY = ['me', 'notifications'] as const;

export const useMyNotifications = () =>
  useQuery({ queryKey: KEY, queryFn: async () => dataOf(await api.GET('/api/me/notifications')) });

// The answer is the choices as stored: the page shows it without reading them again.
export const useSaveMyNotifications = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: UpdateMyNotifications) => dataOf(await api.PUT('/api/me/notifications', { body })),
    onSuccess: (saved) => queryClient.setQueryData(KEY, saved),
  });
};
