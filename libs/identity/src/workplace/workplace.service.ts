import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { assertAllowed, schoolNotFound } from '../access-policy';
import { Caller } from '../caller';
import { School } from '../school.entity';
import type { Role } from '@dh/machines/case/types';

export type StaffMember = { id: string; fullName: string; roles: Role[] };
export type Workplace = { id: string; code: string; name: string; wardId: string };

// Those who can take a case: the machine's ASSIGN accepts only these roles (libs/cases AssigneeCheck).
const CASE_TEAM: Role[] = ['counsellor', 'supervisor'];

@Injectable()
export class WorkplaceService {
  constructor(@InjectDataSource() private readonly source: DataSource) {}

  // The schools the caller's roles count in, by name: the header says where the person is working.
  async schoolsOf(caller: Caller): Promise<Workplace[]> {
    if (caller.schoolIds.length === 0) return [];
    const schools = await this.source
      .getRepository(School)
      .find({ where: { id: In(caller.schoolIds) }, order: { name: 'ASC' } });
    return schools.map(({ id, code, name, wardId }) => ({ id, code, name, wardId }));
  }

  // The school's active counsellors and supervisors, by name.
  async caseTeam(caller: Caller, schoolId: string): Promise<StaffMember[]> {
    assertAllowed(caller, 'school.staff', schoolId, schoolNotFound);
    const rows: { id: string; full_name: string; roles: Role[] }[] = await this.source.query(
      `SELECT u.id, u.full_name, u.roles FROM app_user u JOIN user_school us ON us.user_id = u.id
        WHERE us.school_id = $1 AND u.disabled_at IS NULL AND u.roles && $2::text[]
        ORDER BY u.full_name, u.id`,
      [schoolId, CASE_TEAM],
    );
    return rows.map((r) => ({ id: r.id, fullName: r.full_name, roles: r.roles.filter((x) => CASE_TEAM.includes(x)) }));
  }
}
