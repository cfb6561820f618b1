import { Injectable } from '@nestjs/common';
import { FieldCipher } from '@dh/crypto';
import { FamilyContact, RecordView, sealedFieldNames, toRecordView } from '@dh/records';
import { FormValues, TableRowValue } from '../form-template';
import { CaseValues } from './case-values';
import { CONFIDENTIAL, FormLoader, FormRequest, LoadedForm, recordKind, shownOr, textOf } from './form-loader';

// "Trần Thị Hoa (mẹ)", as the log names the person contacted.
const personOf = (v: RecordView): string | null => {
  if (v.masked.includes('personName')) return CONFIDENTIAL;
  const name = textOf(v.personName);
  const relationship = textOf(v.personRelationship);
  return name && relationship ? `${name} (${relationship})` : (name ?? relationship);
};

// Sổ liên hệ gia đình: every contact with the learner's family in the order it happened: when, with whom, how,
// what was said and agreed, and who from the school made it. Who was contacted and what was said are sealed
// from a reader who may not read the case's confidential content; when and how are not.
@Injectable()
export class FamilyContactsFormLoader implements FormLoader {
  constructor(
    private readonly cases: CaseValues,
    private readonly cipher: FieldCipher,
  ) {}

  async load({ tx, row, reveal }: FormRequest): Promise<LoadedForm> {
    const { values: learnerValues } = await this.cases.learner(tx, row);
    const contacts = await tx
      .getRepository(FamilyContact)
      .find({ where: { caseId: row.id }, order: { contactedAt: 'ASC', recordedAt: 'ASC', id: 'ASC' } });
    const views = await Promise.all(contacts.map((c) => toRecordView(this.cipher, 'family_contact', c, reveal)));
    const names = new Map<string, string | null>();
    for (const id of new Set(contacts.map((c) => c.recordedBy))) names.set(id, await this.cases.userName(tx, id));
    const values: FormValues = {
      ...learnerValues,
      contacts: contacts.map((c, i): TableRowValue => {
        const v = views[i];
        return {
          no: String(i + 1),
          date: this.cases.dateTime(c.contactedAt),
          person: personOf(v),
          how: c.how,
          content: shownOr(v, 'content', v.content),
          agreed: shownOr(v, 'agreed', v.agreed),
          by: names.get(c.recordedBy) ?? null,
        };
      }),
      'practitioner.name': await this.cases.userName(tx, row.assigneeId),
    };
    const exported = await sealedFieldNames(this.cipher, [{ kind: recordKind('family_contact'), rows: contacts }]);
    return { values, exported };
  }
}
