import { useQueryClient } from '@tanstack/react-query';
import { Alert, Drawer, Form } from 'antd';
import { useState } from 'react';
import { api } from '../../api/apiClient';
import { isProblem, problemMessage, type Problem } from '../../api/problem';
import type { components } from '../../api/openapiTypes';
import { placeFieldErrors } from '../../forms/fieldErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { EVENT_LABELS } from '../../labels/valueLabels';
import { caseChanges, type CaseChange } from '../caseChanges';
import { EVENT_FORMS, payloadOf, type FormValues } from '../eventForms';
import { FieldsForm } from './FieldsForm';
import { caseKey } from '../hooks/useCase';

type CaseView = components['schemas']['CaseViewDto'];
type EventType = components['schemas']['CaseEventType'];

// One event's form beside the case. What was typed stays in the drawer until it is sent: a 409 reloads the case
// underneath and says so, and the person decides whether to send again.
export const EventDrawer = ({ view, type, onClose }: { view: CaseView; type: EventType; onClose: () => void }) => {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [refusal, setRefusal] = useState<{ problem: Problem; stale: boolean; changes: CaseChange[] } | null>(null);
  const [offline, setOffline] = useState(false);
  const [sending, setSending] = useState(false);
  const fields = EVENT_FORMS[type] ?? [];
  const title = EVENT_LABELS[type][language];

  const send = async (values: FormValues) => {
    setSending(true);
    setRefusal(null);
    setOffline(false);
    try {
      const { error } = await api.POST('/api/cases/{id}/events', {
        // A fresh key for each send: a resend after a refusal is a new request, not a replay of the refused one.
        params: { path: { id: view.id }, header: { 'idempotency-key': crypto.randomUUID() } },
        body: { type, payload: payloadOf(fields, values), expectedVersion: view.version },
      });
      const before = view;
      await queryClient.invalidateQueries({ queryKey: caseKey(view.id) });
      if (!error) return onClose();
      if (!isProblem(error)) return setOffline(true);
      if (error.code === 'VALIDATION_FAILED') {
        placeFieldErrors(
          form,
          error.details,
          fields.map((f) => f.name),
          'payload.',
        );
      }
      const stale = error.code === 'STALE_VERSION';
      const after = queryClient.getQueryData<CaseView>(caseKey(view.id));
      setRefusal({ problem: error, stale, changes: stale && after ? caseChanges(before, after, language) : [] });
    } catch {
      setOffline(true);
    } finally {
      setSending(false);
    }
  };

  return (
    <Drawer open title={title} onClose={onClose} size={480} destroyOnHidden>
      {refusal && (
        <Alert
          type={refusal.stale ? 'warning' : 'error'}
          showIcon
          role="alert"
          className="event-refusal"
          title={problemMessage(refusal.problem, language)}
          description={
            refusal.stale ? (
              <>
                {t('casePage.staleReloaded', { version: view.version })}
                {refusal.changes.length > 0 && (
                  <ul className="case-changes">
                    {refusal.changes.map((c) => (
                      <li key={c.field}>
                        {c.field === 'summary'
                          ? t('casePage.changed.summary')
                          : `${t(`casePage.changed.${c.field}`)}: ${c.from} → ${c.to}`}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            ) : undefined
          }
        />
      )}
      {offline && <Alert type="error" showIcon role="alert" title={t('error.network')} />}
      <FieldsForm
        form={form}
        fields={fields}
        schoolId={view.schoolId}
        sending={sending}
        empty={<p>{t('casePage.noDetails')}</p>}
        onSubmit={(values) => void send(values)}
        onCancel={onClose}
      />
    </Drawer>
  );
};
