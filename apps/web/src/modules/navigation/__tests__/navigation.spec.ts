import type { SessionUser } from '../../session/sessionStore';
import { menuOf, selectedEntry, startPageOf } from '../navigation';

const person = (roles: SessionUser['roles']): SessionUser => ({ roles }) as SessionUser;

describe('where each person works', () => {
  it('starts a counsellor on their own work and marks the menu entry a page belongs to', () => {
    expect(startPageOf(person(['counsellor']))).toBe('/viec-cua-toi');
    const menu = menuOf(person(['counsellor']));
    expect(selectedEntry(menu, '/ho-so/moi')).toBe('/ho-so/moi');
    expect(selectedEntry(menu, '/ho-so/6f1c2b4e-0000-4000-8000-000000000001')).toBe('/ho-so');
    expect(selectedEntry(menu, '/ho-son')).toBe('');
  });

  it('offers an inspector no page that opens a case', () => {
    expect(menuOf(person(['auditor'])).map((e) => e.path)).not.toContain('/ho-so/moi');
  });

  it('offers the breaches page to those the API lets read them, and to nobody else', () => {
    type Role = SessionUser['roles'][number];
    const offeredTo = (roles: Role[]) =>
      roles.filter((role) => menuOf(person([role])).some((e) => e.path === '/su-co-du-lieu'));
    const all: Role[] = ['counsellor', 'supervisor', 'principal', 'ward_officer', 'auditor', 'admin'];
    expect(offeredTo(all)).toEqual(['principal', 'ward_officer', 'admin']);
  });

  it('offers the school’s leaders, and no counsellor, the personal data requests', () => {
    expect(menuOf(person(['supervisor'])).map((e) => e.path)).toContain('/du-lieu-ca-nhan');
    expect(menuOf(person(['principal'])).map((e) => e.path)).toContain('/du-lieu-ca-nhan');
    expect(menuOf(person(['counsellor'])).map((e) => e.path)).not.toContain('/du-lieu-ca-nhan');
  });

  it('offers the admin no list of cases, which the API would not show them', () => {
    expect(menuOf(person(['admin'])).map((e) => e.path)).not.toContain('/ho-so');
  });
});
