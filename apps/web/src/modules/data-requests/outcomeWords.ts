import dayjs from 'dayjs';
import type { DictionaryKey } from '../i18n/dictionaryVi';
import type { Translate } from '../i18n/I18nProvider';

// The API's answer to an erasure or a restriction (libs/data-requests' DataRequestOutcome), as it is stored.
type Refusal = { caseId: string; code: string; reason: string; dueAt?: string };
type Outcome = { refusals?: Refusal[]; shreddedCases?: string[]; deidentified?: boolean };

const REFUSALS: Record<string, DictionaryKey> = {
  case_open: 'dataRequests.refusal.case_open',
  protection_concern_open: 'dataRequests.refusal.protection_concern_open',
  legal_hold: 'dataRequests.refusal.legal_hold',
  retention_not_over: 'dataRequests.refusal.retention_not_over',
};

// What was done, or why not, case by case, in the reader's words: a refusal's reason names the case and, for a
// retention period, the day it ends.
export const outcomeWords = (
  t: Translate,
  outcome: Record<string, unknown> | null,
): { refused: boolean; lines: string[] } => {
  const o = (outcome ?? {}) as Outcome;
  if (o.refusals?.length) {
    return {
      refused: true,
      lines: o.refusals.map((r) => {
        const key = REFUSALS[r.reason];
        const at = r.dueAt ? dayjs(r.dueAt).format('DD/MM/YYYY') : '';
        return key ? t(key, { code: r.code, at }) : `${r.code}: ${r.reason}`;
      }),
    };
  }
  const lines = [t('dataRequests.shredded', { n: o.shreddedCases?.length ?? 0 })];
  if (o.deidentified) lines.push(t('dataRequests.deidentified'));
  return { refused: false, lines };
};
