import type { DictionaryKey } from '../i18n/dictionaryVi';
import type { SessionUser } from '../session/sessionStore';

type Role = SessionUser['roles'][number];

// Where each role starts its day after logging in; the first of a person's roles decides.
export const START_PAGE: Record<Role, string> = {
  counsellor: '/ho-so',
  supervisor: '/ho-so',
  principal: '/ho-so',
  ward_officer: '/ho-so',
  auditor: '/ho-so',
  admin: '/ho-so',
};

export const startPageOf = (user: SessionUser): string => START_PAGE[user.roles[0] ?? 'counsellor'];

// The menu: an entry shows to a person holding any of its roles. One entry per line.
export type MenuEntry = { path: string; label: DictionaryKey; roles: Role[] };

const EVERY_ROLE: Role[] = ['counsellor', 'supervisor', 'principal', 'ward_officer', 'auditor', 'admin'];

export const MENU: MenuEntry[] = [
  { path: '/ho-so', label: 'menu.cases', roles: EVERY_ROLE },
  // Only the admin: the API refuses the admin chain's check to everyone else (POLICY['admin.users']).
  { path: '/kiem-tra', label: 'menu.adminChain', roles: ['admin'] },
];

export const menuOf = (user: SessionUser): MenuEntry[] =>
  MENU.filter((entry) => entry.roles.some((role) => user.roles.includes(role)));
