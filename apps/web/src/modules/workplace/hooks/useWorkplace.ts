import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { api } from '../../api/apiClient';
import { dataOf } from '../../api/problem';

// The school a person with several is working in now: kept for this tab, like the session.
const KEY = 'dh.school';
const listeners = new Set<() => void>();
const chosen = {
  get: (): string | null => sessionStorage.getItem(KEY),
  set: (id: string): void => {
    sessionStorage.setItem(KEY, id);
    listeners.forEach((l) => l());
  },
  subscribe: (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

// The caller's schools by name, and the one they work in now (the first, until they switch).
export const useWorkplace = () => {
  const schools = useQuery({
    queryKey: ['me', 'schools'],
    queryFn: async () => dataOf(await api.GET('/api/me/schools', {})).items,
    staleTime: Infinity,
  });
  const picked = useSyncExternalStore(chosen.subscribe, chosen.get);
  const list = schools.data ?? [];
  const current = list.find((s) => s.id === picked) ?? list[0] ?? null;
  return { schools: list, current, choose: chosen.set };
};
