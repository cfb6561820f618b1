import { useQueryClient } from '@tanstack/react-query';
import { Alert, Drawer, Form } from 'antd';
import { useState } from 'react';
import { api } from '../../api/apiClient';
import { isProblem, problemMessage, type Problem } from '../../api/problem';
import type { components } from '../../api/openapiTypes';
import { placeFieldErrors } from '../../forms/fieldErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { payloadOf, type FormValues } from '../eventForms';
import { caseKey } from '../hooks/useCase';
import { RECORD_FORMS, type RecordKind } from '../recordForms';
import { FieldsForm } from './FieldsForm';

type CaseView = components['schemas']['CaseViewDto'];

// One record of the case (a session, a family contact, a follow-up, a consent), sent to its route; the API's field
// problems land under the input of the same (dotted) name.
export const RecordDrawer = ({ view, kind, onClose }: { view: CaseView; kind: RecordKind; onClose: () => void }) => {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const [sending, setSending] = useState(false);
  const { title, path, fields } = RECORD_FORMS[kind];

  const send = async (values: FormValues) => {
    setSending(true);
    setRefusal(null);
    const { error } = await api.POST(path, {
      params: { path: { id: view.id } },
      // The route's own DTO checks the payload; its type is the union of the four routes' bodies.
      body: payloadOf(fields, values) as never,
    });
    setSending(false);
    await queryClient.invalidateQueries({ queryKey: caseKey(view.id) });
    if (!error) return onClose();
    if (!isProblem(error)) return;
    if (error.code === 'VALIDATION_FAILED') {
      placeFieldErrors(
        form,
        error.details,
        fields.map((f) => f.name),
      );
    }
    setRefusal(error);
  };

  return (
    <Drawer open title={t(title)} onClose={onClose} size={520} destroyOnHidden>
      {refusal && <Alert type="error" showIcon role="alert" title={problemMessage(refusal, language)} />}
      <FieldsForm
        form={form}
        fields={fields}
        schoolId={view.schoolId}
        sending={sending}
        onSubmit={(values) => void send(values)}
        onCancel={onClose}
      />
    </Drawer>
  );
};
