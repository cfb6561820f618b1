import type { components } from '../api/openapiTypes';

export type SessionUser = components['schemas']['PublicUserDto'];
export type Session = { token: string; user: SessionUser };

// The token lives in memory and in this tab's sessionStorage only: it survives a reload, not the tab, and no other
// site's script reads it from localStorage. Closing the tab logs out.
const KEY = 'dh.session';

const read = (): Session | null => {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
};

let current: Session | null = read();
// Set when the server refused the token (401): the login page says the session ended.
let expired = false;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

export const sessionStore = {
  get: (): Session | null => current,
  wasExpired: (): boolean => expired,
  start: (session: Session): void => {
    current = session;
    expired = false;
    sessionStorage.setItem(KEY, JSON.stringify(session));
    notify();
  },
  end: (reason: 'logout' | 'expired' = 'logout'): void => {
    if (current === null) return;
    current = null;
    expired = reason === 'expired';
    sessionStorage.removeItem(KEY);
    notify();
  },
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
