import type { SchoolPeople } from '@dh/identity';
import type { EscalationTarget } from '@dh/machines/case/types';
import type { Level } from './deadline.entity';

export type Rung = {
  level: Level;
  caseId: string | null;
  assigneeId: string | null;
  critical: boolean;
  escalateTo: EscalationTarget[];
};

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
