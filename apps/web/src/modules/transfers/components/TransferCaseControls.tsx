import { Button, Form, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../api/apiClient';
import { isProblem } from '../../api/problem';
import type { components } from '../../api/openapiTypes';
import { FormDrawer } from '../../forms/components/FormDrawer';
import { useI18n } from '../../i18n/I18nProvider';
import type { SessionUser } from '../../session/sessionStore';
import { useReceivingSchools } from '../hooks/useTransfers';

type CaseView = components['schemas']['CaseViewDto'];

// A supervisor of the case's school asks to move an open case (POLICY['case.transfer']); the API checks the consent.
export const mayTransfer = (user: SessionUser | undefined, view: CaseView): boolean =>
  !!user?.roles.includes('supervisor') && user.schoolIds.includes(view.schoolId) && !view.state.startsWith('closed');

// "Chuyển trường": the receiving school, then the case's request and, once it is accepted by the API, the learner's
// record's; a refusal (no consent) says what is missing, and then nothing was asked.
export const TransferCaseControls = ({ view }: { view: CaseView }) => {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ toSchoolId: string }>();
  const schools = useReceivingSchools(open);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('transfers.caseAction')}</Button>
      {open && (
        <FormDrawer<{ toSchoolId: string }>
          title={t('transfers.caseAction')}
          form={form}
          fields={['toSchoolId']}
          submit="transfers.send"
          intro={<p>{t('transfers.caseIntro')}</p>}
          send={async (values) => {
            const body = { toSchoolId: values.toSchoolId };
            const asked = await api.POST('/api/cases/{id}/transfers', { params: { path: { id: view.id } }, body });
            if (asked.error !== undefined || view.learnerId === null) return asked;
            // The receiving school takes the learner's record before the case: asked with it, once.
            const learner = await api.POST('/api/learners/{id}/transfers', {
              params: { path: { id: view.learnerId } },
              body,
            });
            return isProblem(learner.error) && learner.error.code === 'TRANSFER_PENDING' ? {} : learner;
          }}
          onClose={() => setOpen(false)}
        >
          <Form.Item name="toSchoolId" label={t('transfers.toSchool')} rules={[{ required: true }]}>
            <Select
              loading={schools.isPending}
              placeholder={t('casePage.choose')}
              options={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
        </FormDrawer>
      )}
    </>
  );
};
