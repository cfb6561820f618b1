import { EntityManager } from 'typeorm';
import type { EscalationTarget } from '@dh/machines/case/types';
import type { Level } from './deadline.entity';

export type SchoolPeople = { supervisors: string[]; principals: string[]; wardOfficers: string[] };

// Everyone an alert can go to in these schools, loaded once per sweep batch.
export const loadSchoolPeople = async (tx: EntityManager, schoolIds: string[]): Promise<Map<string, SchoolPeople>> => {
  const people = new Map<string, SchoolPeople>(schoolIds.map((id) => [id, { supervisors: [], principals: [], wardOfficers: [] }]));
  if (schoolIds.length === 0) return people;
  const members: { school_id: string; id: string; roles: string[] }[] = await tx.query(
    `SELECT us.school_id, u.id, u.roles FROM user_school us JOIN app_user u ON u.id = us.user_id
      WHERE us.school_id = ANY($1) AND u.disabled_at IS NULL AND u.roles && ARRAY['supervisor','principal']::text[]
      ORDER BY u.id`,
    [schoolIds],
  );
  for (const m of members) {
    const p = people.get(m.school_id) as SchoolPeople;
    if (m.roles.includes('supervisor')) p.supervisors.push(m.id);
    if (m.roles.includes('principal')) p.principals.push(m.id);
  }
  const ward: { school_id: string; id: string }[] = await tx.query(
    `SELECT s.id AS school_id, u.id FROM school s JOIN app_user u ON u.ward_id = s.ward_id
      WHERE s.id = ANY($1) AND 'ward_officer' = ANY(u.roles) AND u.disabled_at IS NULL ORDER BY u.id`,
    [schoolIds],
  );
  for (const w of ward) (people.get(w.school_id) as SchoolPeople).wardOfficers.push(w.id);
  return people;
};

export type Rung = { level: Level; caseId: string | null; assigneeId: string | null; critical: boolean; escalateTo: EscalationTarget[] };

// Who each rung of the ladder reaches (DOMAIN.md): a case's clocks start with its counsellor; a school's
// report clock has no counsellor, so the principal answers for it from the start.
export const recipientsOf = (rung: Rung, p: SchoolPeople): string[] => {
  const first = rung.caseId ? (rung.assigneeId ? [rung.assigneeId] : p.supervisors) : p.principals;
  const set = new Set<string>();
  const add = (ids: string[]) => ids.forEach((id) => set.add(id));
  switch (rung.level) {
    case 'reminder':
      add(first);
      break;
    case 'overdue':
      add(first);
      if (rung.escalateTo.length > 0 && rung.caseId) add(p.supervisors);
      // Any critical case overdue goes to the ward officer at once.
      if (rung.critical) add(p.wardOfficers);
      break;
    case 'principal':
      add(p.principals);
      break;
    case 'ward':
      add(p.wardOfficers);
      break;
  }
  return [...set];
};
