import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UserService } from '@dh/identity';
import { CaseException, CaseExceptionCode } from '../case.exception';
import { TransitionHooks } from '../transition-hooks';

const ASSIGNABLE = ['counsellor', 'supervisor'] as const;

// Who may hold a case: a counsellor or a supervisor of its school. A rule of cases, not of identity (which only
// answers who holds which role where): its refusal is the case's, and identity sits below the transition's hooks.
// Asked when a case opens with an assignee, and for ASSIGN/REASSIGN after the machine's own rules (already assigned,
// the same assignee) have answered, as before.
@Injectable()
export class AssigneeCheck implements OnModuleInit {
  constructor(
    private readonly hooks: TransitionHooks,
    private readonly users: UserService,
  ) {}

  onModuleInit(): void {
    this.hooks.register({
      events: ['ASSIGN', 'REASSIGN'],
      beforeWrite: ({ tx, row, payload }) => this.assertAssignable(payload.assigneeId, row.schoolId, tx),
    });
  }

  async assertAssignable(userId: string, schoolId: string, tx: EntityManager): Promise<void> {
    if (!(await this.users.isMemberWithRole(userId, schoolId, [...ASSIGNABLE], tx))) {
      throw new CaseException(CaseExceptionCode.ASSIGNEE_NOT_ELIGIBLE, { assigneeId: userId });
    }
  }
}
