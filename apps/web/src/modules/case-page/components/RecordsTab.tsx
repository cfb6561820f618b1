import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import type { components } from '../../api/openapiTypes';
import { useI18n } from '../../i18n/I18nProvider';
import {
  AREA_LABELS,
  CONTACT_WAY_LABELS,
  RISK_LABELS,
  SESSION_ENDING_LABELS,
  SUPPORT_FORM_LABELS,
} from '../../labels/valueLabels';
import { useRecords } from '../hooks/useRecords';
import type { RecordKind } from '../recordForms';
import { RecordDrawer } from './RecordDrawer';
import { RecordList } from './RecordList';

type CaseView = components['schemas']['CaseViewDto'];
type Area = components['schemas']['RankedAreaDto'];

// What was written down on the case, on the Circular's forms' terms: assessments, plans with their revisions,
// sessions, family contacts, closures and follow-ups; the counsellor adds a session, a contact or a follow-up.
export const RecordsTab = ({ view, mayWrite }: { view: CaseView; mayWrite: boolean }) => {
  const { t, language } = useI18n();
  const records = useRecords(view.id);
  const [adding, setAdding] = useState<RecordKind | null>(null);
  const areas = (list: Area[] | null) =>
    (list ?? []).map((a) => `${a.priority}. ${AREA_LABELS[a.code][language]}`).join('; ') || '—';
  if (records.error) return <Alert type="error" showIcon title={t('error.network')} />;
  const r = records.data;
  return (
    <>
      {mayWrite && (
        <Space wrap className="record-actions">
          <Button onClick={() => setAdding('session')}>{t('records.newSession')}</Button>
          <Button onClick={() => setAdding('familyContact')}>{t('records.newFamilyContact')}</Button>
          {view.state.startsWith('closed') && (
            <Button onClick={() => setAdding('followUp')}>{t('records.newFollowUp')}</Button>
          )}
        </Space>
      )}
      {r && (
        <>
          <RecordList
            title="records.assessments"
            items={r.assessments}
            shown={[
              { key: 'recordedAt', label: 'records.recordedAt' },
              {
                key: 'riskLevel',
                label: 'casePage.field.riskLevel',
                show: (v: keyof typeof RISK_LABELS) => RISK_LABELS[v][language],
              },
              { key: 'difficulties', label: 'casePage.field.difficulties' },
              { key: 'needs', label: 'casePage.field.needs' },
              { key: 'areas', label: 'casePage.areas', show: (v: Area[] | null) => areas(v) },
            ]}
          />
          <RecordList
            title="records.plans"
            items={r.plans}
            shown={[
              { key: 'revision', label: 'records.revision' },
              { key: 'recordedAt', label: 'records.recordedAt' },
              { key: 'goals', label: 'casePage.field.goals' },
              { key: 'responsible', label: 'casePage.field.responsible' },
              { key: 'reviewDate', label: 'casePage.field.reviewDate' },
              {
                key: 'form',
                label: 'casePage.field.form',
                show: (v: keyof typeof SUPPORT_FORM_LABELS | null) => (v ? SUPPORT_FORM_LABELS[v][language] : '—'),
              },
              { key: 'revisionReason', label: 'records.revisionReason' },
            ]}
          />
          <RecordList
            title="records.sessions"
            items={r.sessions}
            shown={[
              { key: 'startedAt', label: 'casePage.field.startedAt' },
              { key: 'minutes', label: 'casePage.field.minutes' },
              {
                key: 'mode',
                label: 'casePage.field.mode',
                show: (v: keyof typeof SUPPORT_FORM_LABELS) => SUPPORT_FORM_LABELS[v][language],
              },
              { key: 'methods', label: 'casePage.field.methods' },
              { key: 'evaluation', label: 'casePage.field.evaluation' },
              {
                key: 'ending',
                label: 'casePage.field.ending',
                show: (v: keyof typeof SESSION_ENDING_LABELS) => SESSION_ENDING_LABELS[v][language],
              },
            ]}
          />
          <RecordList
            title="records.familyContacts"
            items={r.familyContacts}
            shown={[
              { key: 'contactedAt', label: 'casePage.field.contactedAt' },
              { key: 'personName', label: 'casePage.field.person.fullName' },
              { key: 'personRelationship', label: 'casePage.field.person.relationship' },
              {
                key: 'how',
                label: 'casePage.field.how',
                show: (v: keyof typeof CONTACT_WAY_LABELS) => CONTACT_WAY_LABELS[v][language],
              },
              { key: 'content', label: 'casePage.field.content' },
              { key: 'agreed', label: 'casePage.field.agreed' },
            ]}
          />
          <RecordList
            title="records.closures"
            items={r.closures}
            shown={[
              { key: 'recordedAt', label: 'records.recordedAt' },
              { key: 'outcome', label: 'casePage.field.outcome' },
              { key: 'resultsAchieved', label: 'casePage.field.resultsAchieved' },
              { key: 'followUpPlan', label: 'casePage.field.followUpPlan' },
            ]}
          />
          <RecordList
            title="records.followUps"
            items={r.followUps}
            shown={[
              { key: 'contactedAt', label: 'casePage.field.contactedAt' },
              { key: 'withWhom', label: 'casePage.field.withWhom' },
              { key: 'resultKept', label: 'casePage.field.resultKept' },
              { key: 'notes', label: 'casePage.field.notes' },
            ]}
          />
        </>
      )}
      {adding && <RecordDrawer view={view} kind={adding} onClose={() => setAdding(null)} />}
    </>
  );
};
