import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditEvent } from '@dh/audit';
import { LocalTime } from '@dh/calendar';
import { CaseEntity, Guardian, Learner, SEALED_CONTEXT } from '@dh/cases';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { FieldCipher } from '@dh/crypto';
import { User } from '@dh/identity';
import { FormValues } from '../form-template';
import { CONFIDENTIAL } from './form-loader';

const FATHER = ['bố', 'cha', 'ba', 'tía'];
const MOTHER = ['mẹ', 'má', 'u', 'bầm'];

// What several forms print the same way: the learner block, their parents, local dates, people's names.
@Injectable()
export class CaseValues {
  private readonly local: LocalTime;

  constructor(
    private readonly cipher: FieldCipher,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.local = new LocalTime(config.tzName);
  }

  // 'YYYY-MM-DD HH:mm' in TZ_NAME, as the forms print an instant.
  dateTime(at: Date): string {
    const { date, ms } = this.local.of(at);
    const minutes = Math.floor(ms / 60_000);
    return `${date} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  }

  date(at: Date): string {
    return this.local.of(at).date;
  }

  // A report from the public form has no learner until the team names one: the learner block stays blank.
  async learner(tx: EntityManager, row: CaseEntity): Promise<{ learner: Learner | null; values: FormValues }> {
    const learner = row.learnerId ? await tx.getRepository(Learner).findOneBy({ id: row.learnerId }) : null;
    return {
      learner,
      values: {
        'case.code': row.code,
        'learner.fullName': learner?.fullName ?? null,
        'learner.dateOfBirth': learner?.dateOfBirth ?? null,
        'learner.sex': learner?.sex ?? null,
        'learner.className': learner?.className ?? null,
      },
    };
  }

  // null: the family is there but sealed from this reader (a masked print).
  async guardians(learner: Learner | null, reveal: boolean): Promise<Guardian[] | null> {
    if (!learner) return [];
    return reveal ? this.cipher.openJson<Guardian[]>(learner.guardians, SEALED_CONTEXT.guardians) : null;
  }

  // Father and mother by the relationship the counsellor typed ("bố", "Mẹ kế" …): the family has no other
  // structure yet. Age and occupation are not recorded anywhere: left blank to fill by hand.
  parents(guardians: Guardian[] | null): FormValues {
    if (guardians === null) return { 'father.name': CONFIDENTIAL, 'mother.name': CONFIDENTIAL };
    const find = (words: string[]) => guardians.find((g) => words.includes(g.relationship.trim().toLocaleLowerCase('vi').split(/\s+/)[0]));
    const father = find(FATHER);
    const mother = find(MOTHER);
    return { 'father.name': father?.fullName ?? null, 'mother.name': mother?.fullName ?? null };
  }

  async userName(tx: EntityManager, id: string | null): Promise<string | null> {
    if (!id) return null;
    return (await tx.getRepository(User).findOne({ where: { id }, select: { id: true, fullName: true } }))?.fullName ?? null;
  }

  // The case as it was opened: the first event of its chain.
  async opening(tx: EntityManager, row: CaseEntity): Promise<Record<string, unknown>> {
    return (await tx.getRepository(AuditEvent).findOne({ where: { caseId: row.id, seq: 1 } }))?.payload ?? {};
  }
}
