import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditEvent } from '@dh/audit';
import { LocalTime } from '@dh/calendar';
import { CASE_NARRATIVE_FIELDS, CaseEntity, CaseNarrativeField, SEALED_CONTEXT } from '@dh/cases';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { FieldCipher } from '@dh/crypto';
import { User } from '@dh/identity';
import { Guardian, GUARDIANS_SEALED_AS, Learner } from '@dh/learners';
import { FormValues } from '../form-template';
import { CONFIDENTIAL } from './form-loader';

const PARENTS = ['father', 'mother'] as const;
const PARENT_FIELDS = ['name', 'age', 'occupation'] as const;
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
    return reveal ? this.cipher.openJson<Guardian[]>(learner.guardians, GUARDIANS_SEALED_AS) : null;
  }

  // Father and mother by the relationship the counsellor typed ("bố", "Mẹ kế" …), the family having no other
  // structure. Their age is the one they had in the year the school received the case (`row`), as Mẫu 01 and
  // Mẫu 02's learner block "as above" both print it.
  parents(guardians: Guardian[] | null, row: CaseEntity): FormValues {
    const keys = PARENTS.flatMap((p) => PARENT_FIELDS.map((f) => `${p}.${f}`));
    if (guardians === null) return Object.fromEntries(keys.map((k) => [k, CONFIDENTIAL]));
    // Their age in the year the school received the case, as the form was filled in then.
    const year = Number(this.date(row.receivedAt).slice(0, 4));
    const find = (words: string[]) =>
      guardians.find((g) => words.includes(g.relationship.trim().toLocaleLowerCase('vi').split(/\s+/)[0]));
    const of = (g: Guardian | undefined): FormValues => ({
      name: g?.fullName ?? null,
      age: g?.yearOfBirth === undefined ? null : String(year - g.yearOfBirth),
      occupation: g?.occupation ?? null,
    });
    const found = { father: of(find(FATHER)), mother: of(find(MOTHER)) };
    return Object.fromEntries(PARENTS.flatMap((p) => PARENT_FIELDS.map((f) => [`${p}.${f}`, found[p][f]])));
  }

  // The carer on one line, as Mẫu 01 and 02 print them: "name (relationship), sinh năm …, số điện thoại …".
  carerLine(guardians: Guardian[] | null): string | null {
    if (guardians === null) return CONFIDENTIAL;
    const c = carerOf(guardians);
    if (!c) return null;
    return [
      `${c.fullName} (${c.relationship})`,
      ...(c.yearOfBirth ? [`sinh năm ${c.yearOfBirth}`] : []),
      ...(c.phone ? [`số điện thoại ${c.phone}`] : []),
    ].join(', ');
  }

  // Mẫu 01's narrative beside the summary: opened for a reader of confidential content, CONFIDENTIAL where it was
  // written for any other, null (a blank) where the intake did not record it; `exported` names what was opened.
  async narrative(
    row: CaseEntity,
    reveal: boolean,
    fields: readonly CaseNarrativeField[] = CASE_NARRATIVE_FIELDS,
  ): Promise<{ values: Partial<Record<CaseNarrativeField, string | null>>; exported: CaseNarrativeField[] }> {
    const values: Partial<Record<CaseNarrativeField, string | null>> = {};
    for (const f of fields) {
      const sealed = row[f];
      values[f] = sealed === null ? null : reveal ? await this.cipher.open(sealed, SEALED_CONTEXT[f]) : CONFIDENTIAL;
    }
    return { values, exported: reveal ? fields.filter((f) => row[f] !== null) : [] };
  }

  async userName(tx: EntityManager, id: string | null): Promise<string | null> {
    if (!id) return null;
    return (
      (await tx.getRepository(User).findOne({ where: { id }, select: { id: true, fullName: true } }))?.fullName ?? null
    );
  }

  // The case as it was opened: the first event of its chain.
  async opening(tx: EntityManager, row: CaseEntity): Promise<Record<string, unknown>> {
    return (await tx.getRepository(AuditEvent).findOne({ where: { caseId: row.id, seq: 1 } }))?.payload ?? {};
  }
}

// The one the learner lives with now: the member of the family marked so, else the first recorded (the one the
// school contacts), as Mẫu 04 has always printed it.
export const carerOf = (guardians: Guardian[]): Guardian | undefined =>
  guardians.find((g) => g.currentCarer === true) ?? guardians[0];
