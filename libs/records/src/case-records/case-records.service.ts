import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseEntity, CaseRecordWriter, CaseService, ConfidentialAccess } from '@dh/cases';
import { Clock } from '@dh/clock';
import { caseScope, FieldCipher } from '@dh/crypto';
import { inTransaction } from '@dh/database';
import { InputValidationException } from '@dh/errors';
import { labelTextOf } from '@dh/labels';
import { DeadlineService } from '@dh/escalations';
import { Caller } from '@dh/identity';
import { FamilyContact } from '../family-contacts/family-contact.entity';
import { RecordFamilyContactDto } from '../family-contacts/dtos/record-family-contact.dto';
import { FollowUpContact } from '../follow-ups/follow-up-contact.entity';
import { FOLLOW_UP_CLOCKS } from '../follow-ups/follow-up-done.hook';
import { RecordFollowUpDto } from '../follow-ups/dtos/record-follow-up.dto';
import { CounsellingSession } from '../sessions/counselling-session.entity';
import { RecordSessionDto } from '../sessions/dtos/record-session.dto';
import { SchoolViolenceNotice } from '../school-violence/school-violence-notice.service';
import { CaseRecordBase, recordOf } from './case-record-base';
import { CaseRecordException, CaseRecordExceptionCode } from './case-record.exception';
import { loadRecords, RecordView, sealedFieldNames, toRecordView } from './case-record-views';
import { RecordTable, sealColumns } from './sealed-columns';

const notTeam = () => new CaseRecordException(CaseRecordExceptionCode.NOT_CASE_TEAM);

// An instant the client says has happened must not be after the server's now.
const notFuture = (field: string, value: string, now: Date): Date => {
  const at = new Date(value);
  if (at > now)
    throw new InputValidationException([
      {
        field,
        problems: [
          `${labelTextOf(field)} không được ở sau thời điểm hiện tại (${now.toISOString()}) / ${field} must not be in the future (now ${now.toISOString()})`,
        ],
      },
    ]);
  return at;
};

// The records kept beside the stages (sessions, family contacts, follow-up contacts) and the reading of all of a
// case's records. Each write is one event of the case's chain, under the case row's lock, that changes neither
// the stage nor the version; its row and its event are stored together or not at all.
@Injectable()
export class CaseRecordsService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly writer: CaseRecordWriter,
    private readonly cases: CaseService,
    private readonly confidential: ConfidentialAccess,
    private readonly cipher: FieldCipher,
    private readonly deadlines: DeadlineService,
    private readonly schoolViolence: SchoolViolenceNotice,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  recordSession(caller: Caller, caseId: string, dto: RecordSessionDto): Promise<RecordView> {
    return inTransaction(this.source, async (tx) => {
      const row = await this.writer.teamCase(tx, caller, caseId, 'record.write', notTeam);
      if (row.state.startsWith('closed'))
        throw new CaseRecordException(CaseRecordExceptionCode.CASE_CLOSED, { reason: 'case_closed', state: row.state });
      const now = this.clock.now();
      const startedAt = notFuture('startedAt', dto.startedAt, now);
      const nextAppointment = dto.nextAppointment ? new Date(dto.nextAppointment) : null;
      if (nextAppointment && nextAppointment <= startedAt) {
        throw new InputValidationException([
          {
            field: 'nextAppointment',
            problems: ['Lịch hẹn tiếp theo phải sau thời gian bắt đầu / nextAppointment must be after startedAt'],
          },
        ]);
      }
      const session = tx.getRepository(CounsellingSession).create({
        ...recordOf(caller.id, row, now),
        mode: dto.mode,
        channel: dto.channel ?? null,
        startedAt,
        minutes: dto.minutes,
        ending: dto.ending,
        nextAppointment,
        areas: dto.areas?.map(({ code, priority }) => ({ code, priority })) ?? null,
        ...sealColumns(await this.cipher.sealer(tx, caseScope(row.id)), 'counselling_session', dto),
      });
      return this.store(tx, caller, row, 'counselling_session', session, 'SESSION_RECORDED', 'sessionId', { ...dto });
    });
  }

  // A contact made after a school-violence incident was recorded answers the family-notice clock.
  recordFamilyContact(caller: Caller, caseId: string, dto: RecordFamilyContactDto): Promise<RecordView> {
    return inTransaction(this.source, async (tx) => {
      const row = await this.writer.teamCase(tx, caller, caseId, 'record.write', notTeam);
      const now = this.clock.now();
      const contactedAt = notFuture('contactedAt', dto.contactedAt, now);
      const answered = await this.schoolViolence.answerFamilyNotice(tx, row.id, contactedAt, now);
      const contact = tx.getRepository(FamilyContact).create({
        ...recordOf(caller.id, row, now),
        contactedAt,
        how: dto.how,
        ...sealColumns(await this.cipher.sealer(tx, caseScope(row.id)), 'family_contact', {
          personName: dto.person.fullName,
          personRelationship: dto.person.relationship,
          content: dto.content,
          agreed: dto.agreed,
        }),
      });
      return this.store(tx, caller, row, 'family_contact', contact, 'FAMILY_CONTACT_RECORDED', 'familyContactId', {
        ...dto,
        person: { fullName: dto.person.fullName, relationship: dto.person.relationship },
        ...answered,
      });
    });
  }

  // A follow-up contact answers the earliest follow-up clock still open (30 days, then 90).
  recordFollowUp(caller: Caller, caseId: string, dto: RecordFollowUpDto): Promise<RecordView> {
    return inTransaction(this.source, async (tx) => {
      const row = await this.writer.teamCase(tx, caller, caseId, 'record.write', notTeam);
      if (row.state !== 'closed.followUp')
        throw new CaseRecordException(CaseRecordExceptionCode.NOT_IN_FOLLOW_UP, {
          reason: 'not_in_follow_up',
          state: row.state,
        });
      const now = this.clock.now();
      const contactedAt = notFuture('contactedAt', dto.contactedAt, now);
      const closedDeadline = await this.deadlines.closeEarliest(tx, row.id, FOLLOW_UP_CLOCKS, now);
      const contact = tx.getRepository(FollowUpContact).create({
        ...recordOf(caller.id, row, now),
        contactedAt,
        how: dto.how,
        resultKept: dto.resultKept,
        closedDeadline,
        ...sealColumns(await this.cipher.sealer(tx, caseScope(row.id)), 'follow_up_contact', dto),
      });
      return this.store(tx, caller, row, 'follow_up_contact', contact, 'FOLLOW_UP_RECORDED', 'followUpId', {
        ...dto,
        closedDeadline,
      });
    });
  }

  // Every record of the case, oldest first in each list, to whoever reads its history. The content opened only
  // for those who may read the case's confidential content, and that read is one VIEWED event naming what was shown.
  read(caller: Caller, caseId: string): Promise<Record<string, RecordView[]>> {
    return inTransaction(this.source, async (tx) => {
      const row = await this.cases.findVisible(caller, caseId, tx, false, 'record.read');
      const loaded = await loadRecords(tx, row.id);
      const reveal = await this.confidential.mayRead(tx, caller, row);
      const shown = reveal ? await sealedFieldNames(this.cipher, loaded) : [];
      if (shown.length) await this.confidential.recordView(tx, caller, row, shown);
      const answer: Record<string, RecordView[]> = {};
      for (const { kind, rows } of loaded)
        answer[kind.list] = await Promise.all(rows.map((r) => toRecordView(this.cipher, kind.table, r, reveal)));
      return answer;
    });
  }

  // The row, then its event naming it (the payload as the client sent it), in the caller's transaction; the
  // answer masked, like every answer to a write.
  private async store<E extends CaseRecordBase>(
    tx: EntityManager,
    caller: Caller,
    row: CaseEntity,
    table: RecordTable,
    record: E,
    type: string,
    idField: string,
    payload: object,
  ): Promise<RecordView> {
    await tx.getRepository(record.constructor).insert(record);
    await this.writer.append(tx, caller, row, type, record.recordedAt, { [idField]: record.id, ...payload });
    return toRecordView(this.cipher, table, record, false);
  }
}
