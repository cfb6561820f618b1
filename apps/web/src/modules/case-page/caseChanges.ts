import type { components } from '../api/openapiTypes';
import type { Language } from '../i18n/I18nProvider';
import { stageLabel } from '../labels/stateLabels';
import { AREA_LABELS, RISK_LABELS } from '../labels/valueLabels';

type CaseView = components['schemas']['CaseViewDto'];
export type CaseChange = { field: 'stage' | 'risk' | 'assignee' | 'areas' | 'summary'; from: string; to: string };

const areasOf = (v: CaseView, language: Language) =>
  [...v.areas]
    .sort((a, b) => a.priority - b.priority)
    .map((a) => AREA_LABELS[a.code][language])
    .join(', ');

// What another person's step changed between the case the sender saw and the one reloaded after a 409, in the
// header's words. A summary is only said to have changed: the drawer is no place to show it whole.
export const caseChanges = (before: CaseView, after: CaseView, language: Language): CaseChange[] => {
  const all: CaseChange[] = [
    {
      field: 'stage',
      from: stageLabel(before.state, language) ?? before.state,
      to: stageLabel(after.state, language) ?? after.state,
    },
    { field: 'risk', from: RISK_LABELS[before.riskLevel][language], to: RISK_LABELS[after.riskLevel][language] },
    { field: 'assignee', from: before.assigneeName ?? '—', to: after.assigneeName ?? '—' },
    { field: 'areas', from: areasOf(before, language), to: areasOf(after, language) },
    { field: 'summary', from: before.summary ?? '', to: after.summary ?? '' },
  ];
  return all.filter((c) => c.from !== c.to);
};
