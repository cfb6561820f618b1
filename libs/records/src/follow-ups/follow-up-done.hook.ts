import { Injectable, OnModuleInit } from '@nestjs/common';
import { declareTransitionErrors, TransitionHooks, TransitionStep } from '@dh/cases';
import { DeadlineService } from '@dh/escalations';
import { actorIn } from '@dh/identity';
import { CaseRecordException, CaseRecordExceptionCode } from '../case-records/case-record.exception';

declareTransitionErrors(
  CaseRecordException.statuses,
  CaseRecordExceptionCode.FOLLOW_UP_PENDING,
  CaseRecordExceptionCode.STOP_NEEDS_SUPERVISOR,
  CaseRecordExceptionCode.NOTHING_TO_STOP,
);

// The clocks of the two follow-up contacts after closure (case machine meta: 30 and 90 days).
export const FOLLOW_UP_CLOCKS = ['follow_up_30', 'follow_up_90'];

// FOLLOW_UP_DONE archives the case (issue 13): once each follow-up clock was answered by a contact, or when a
// supervisor stops the follow-up early with a reason; the clocks still open are then closed as stopped, named in
// the event beside the reason. Run after the machine accepted the event, in its transaction: a refusal undoes it.
@Injectable()
export class FollowUpDoneHook implements OnModuleInit {
  constructor(
    private readonly hooks: TransitionHooks,
    private readonly deadlines: DeadlineService,
  ) {}

  onModuleInit(): void {
    this.hooks.register({ events: ['FOLLOW_UP_DONE'], record: (s) => this.archive(s) });
  }

  private async archive({
    tx,
    caller,
    row,
    payload,
    at,
  }: TransitionStep<'FOLLOW_UP_DONE'>): Promise<Record<string, unknown>> {
    const open = await this.deadlines.openKinds(tx, row.id, FOLLOW_UP_CLOCKS);
    const stopping = payload.stopReason !== undefined;
    if (open.length === 0) {
      if (stopping)
        throw new CaseRecordException(CaseRecordExceptionCode.NOTHING_TO_STOP, {
          reason: 'nothing_to_stop',
          fields: ['stopReason'],
        });
      return {};
    }
    if (!stopping) {
      throw new CaseRecordException(CaseRecordExceptionCode.FOLLOW_UP_PENDING, {
        reason: 'follow_up_pending',
        openFollowUps: open,
        fields: ['stopReason'],
      });
    }
    if (!actorIn(caller, row.schoolId).roles.includes('supervisor')) {
      throw new CaseRecordException(CaseRecordExceptionCode.STOP_NEEDS_SUPERVISOR, {
        reason: 'supervisor_approval_required',
        fields: ['stopReason'],
      });
    }
    return { stoppedFollowUps: await this.deadlines.stopOpen(tx, row.id, FOLLOW_UP_CLOCKS, at) };
  }
}
