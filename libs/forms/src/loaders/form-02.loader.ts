import { Injectable } from '@nestjs/common';
import { AREA_CODES, RankedArea } from '@dh/cases';
import { FieldCipher } from '@dh/crypto';
import { AssessmentRecord, CounsellingSession, sealedFieldNames, toRecordView } from '@dh/records';
import { FormValues, TableRowValue } from '../form-template';
import { CaseValues } from './case-values';
import { FormLoader, FormRequest, LoadedForm, recordKind, shownOr } from './form-loader';

// Mẫu 02, the session log: the learner, the seven areas with the case's ranking, the latest assessment, every
// session in the order they happened, and where the latest one left things.
@Injectable()
export class Form02Loader implements FormLoader {
  constructor(
    private readonly cases: CaseValues,
    private readonly cipher: FieldCipher,
  ) {}

  async load({ tx, row, reveal }: FormRequest): Promise<LoadedForm> {
    const { learner, values: learnerValues } = await this.cases.learner(tx, row);
    const guardians = await this.cases.guardians(learner, reveal);
    const assessment = await tx
      .getRepository(AssessmentRecord)
      .findOne({ where: { caseId: row.id }, order: { recordedAt: 'DESC', id: 'DESC' } });
    const sessions = await tx
      .getRepository(CounsellingSession)
      .find({ where: { caseId: row.id }, order: { startedAt: 'ASC', recordedAt: 'ASC', id: 'ASC' } });
    const a = assessment ? await toRecordView(this.cipher, 'assessment_record', assessment, reveal) : null;
    const opened = await Promise.all(sessions.map((s) => toRecordView(this.cipher, 'counselling_session', s, reveal)));
    const last = sessions.at(-1);
    const narrative = await this.cases.narrative(row, reveal, ['familyCircumstances']);
    const values: FormValues = {
      ...learnerValues,
      ...this.cases.parents(guardians, row),
      // The learner block "as above" (Mẫu 01): the family's circumstances and carer too.
      'family.circumstances': narrative.values.familyCircumstances ?? null,
      carer: this.cases.carerLine(guardians),
      'areas.ranked': ranked(assessment?.areas ?? row.areas),
      'assessment.difficulties': shownOr(a, 'difficulties', a?.difficulties),
      'assessment.needs': shownOr(a, 'needs', a?.needs),
      'assessment.wishes': shownOr(a, 'wishes', a?.wishes),
      'assessment.facts': shownOr(a, 'facts', a?.facts),
      'assessment.preliminaryView': shownOr(a, 'preliminaryView', a?.preliminaryView),
      riskLevel: assessment?.riskLevel ?? row.riskLevel,
      sessions: sessions.map((s, i): TableRowValue => ({
        date: this.cases.dateTime(s.startedAt),
        mode: s.mode,
        place: shownOr(opened[i], 'place', opened[i].place),
        channel: s.channel,
        minutes: String(s.minutes),
        methods: shownOr(
          opened[i],
          'methods',
          Array.isArray(opened[i].methods) ? (opened[i].methods as string[]).join('; ') : null,
        ),
        evaluation: shownOr(opened[i], 'evaluation', opened[i].evaluation),
        ending: s.ending,
        referTo: shownOr(opened[i], 'referTo', opened[i].referTo),
        nextAppointment: s.nextAppointment ? this.cases.dateTime(s.nextAppointment) : null,
      })),
      ending: last?.ending ?? null,
      'ending.referTo': shownOr(opened.at(-1) ?? null, 'referTo', opened.at(-1)?.referTo),
      nextAppointment: last?.nextAppointment ? this.cases.dateTime(last.nextAppointment) : null,
      'practitioner.name': await this.cases.userName(tx, row.assigneeId),
    };
    const records = await sealedFieldNames(this.cipher, [
      { kind: recordKind('assessment_record'), rows: assessment ? [assessment] : [] },
      { kind: recordKind('counselling_session'), rows: sessions },
    ]);
    return {
      values,
      exported: [...records, ...narrative.exported, ...(guardians?.length ? ['learner.guardians'] : [])],
    };
  }
}

// All seven, as the paper form lists them; the case's ranking beside those it has.
const ranked = (areas: RankedArea[]): TableRowValue[] => {
  const rank = new Map(areas.map((a) => [a.code as string, a.priority]));
  return AREA_CODES.map((code) => ({ area: code, priority: rank.has(code) ? String(rank.get(code)) : null }));
};
