import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@dh/audit';
import { CaseEntity, CaseService, SEALED_CONTEXT } from '@dh/cases';
import { Clock } from '@dh/clock';
import { caseScope, FieldCipher } from '@dh/crypto';
import { inTransaction } from '@dh/database';
import { InputValidationException } from '@dh/errors';
import { Caller, chainActor } from '@dh/identity';
import { nameKey } from '@dh/labels';
import { Learner, learnerNameKey } from '@dh/learners';
import { DataRequestException, DataRequestExceptionCode } from './data-request.exception';
import { DataRequest } from './data-request.entity';
import { DataRequestsService } from './data-requests.service';
import { CASE_FIELDS, DataRequestViewDto, RectifyDto } from './dtos/data-request.dto';

type CaseField = 'summary' | 'familyCircumstances' | 'actionsTaken';

// A correction the learner or guardian asked for: the row takes the new value (so the forms print it) and the
// case's chain gains a RECTIFIED event with the old and the new, sealed like the content they correct. The trail
// keeps every earlier event as it was: what was recorded, and when it was corrected, both stay provable.
@Injectable()
export class RectificationService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly requests: DataRequestsService,
    private readonly cases: CaseService,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  rectify(caller: Caller, requestId: string, dto: RectifyDto): Promise<DataRequestViewDto> {
    return inTransaction(this.source, async (tx) => {
      const request = await this.requests.openOfKind(tx, caller, requestId, ['rectify']);
      const value = dto.value.trim();
      const caseId = CASE_FIELDS.includes(dto.field)
        ? await this.caseField(tx, caller, request, dto.field as CaseField, dto.caseId, value)
        : await this.learnerField(tx, caller, request, dto.field as 'fullName' | 'className', value);
      const answered = await this.requests.answer(tx, caller, request, 'done', {
        rectified: [{ field: dto.field, caseId }],
      });
      return this.requests.view(answered);
    });
  }

  private async caseField(
    tx: EntityManager,
    caller: Caller,
    request: DataRequest,
    field: CaseField,
    caseId: string | undefined,
    value: string,
  ): Promise<string> {
    if (!caseId)
      throw new InputValidationException([
        { field: 'caseId', problems: ['Bắt buộc khi sửa nội dung hồ sơ / required for a case field'] },
      ]);
    const row = await this.cases.findVisible(caller, caseId, tx, true, 'privacy.answer');
    if (row.learnerId !== request.learnerId)
      throw new DataRequestException(DataRequestExceptionCode.CASE_NOT_OF_LEARNER);
    const sealer = await this.cipher.sealer(tx, caseScope(row.id));
    const stored = row[field];
    const previous = stored === null ? null : await this.cipher.open(stored, SEALED_CONTEXT[field]);
    await tx.getRepository(CaseEntity).update({ id: row.id }, { [field]: sealer.seal(value, SEALED_CONTEXT[field]) });
    await this.record(tx, caller, row.id, request, field, previous, value);
    return row.id;
  }

  // The learner's own name or class: in clear on the learner's row (the name search needs it); each of the
  // learner's cases records the correction.
  private async learnerField(
    tx: EntityManager,
    caller: Caller,
    request: DataRequest,
    field: 'fullName' | 'className',
    value: string,
  ): Promise<null> {
    const learner = await tx
      .getRepository(Learner)
      .findOneOrFail({ where: { id: request.learnerId }, lock: { mode: 'pessimistic_write' } });
    const change =
      field === 'fullName'
        ? { fullName: value, nameKey: nameKey(value), skeletonKey: learnerNameKey(value) }
        : { className: value };
    await tx.getRepository(Learner).update({ id: learner.id }, change);
    const cases: { id: string }[] = await tx.query(`SELECT id FROM "case" WHERE learner_id = $1 ORDER BY id`, [
      learner.id,
    ]);
    for (const c of cases) await this.record(tx, caller, c.id, request, field, learner[field], value);
    return null;
  }

  private record(
    tx: EntityManager,
    caller: Caller,
    caseId: string,
    request: DataRequest,
    field: string,
    previous: string | null,
    value: string,
  ) {
    return this.audit.appendCaseEvent(tx, caseId, { ...chainActor(caller), at: this.clock.now() }, 'RECTIFIED', {
      dataRequestId: request.id,
      field,
      previous,
      value,
    });
  }
}
