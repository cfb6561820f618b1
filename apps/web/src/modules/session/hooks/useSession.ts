import { useSyncExternalStore } from 'react';
import { sessionStore, type Session } from '../sessionStore';

export const useSession = (): Session | null => useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
