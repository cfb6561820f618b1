import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Radio, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../api/apiClient';
import { isProblem } from '../../api/problem';
import type { components } from '../../api/openapiTypes';
import { FormDrawer } from '../../forms/components/FormDrawer';
import { useI18n } from '../../i18n/I18nProvider';
import type { SessionUser } from '../../session/sessionStore';
import { useReceivingSchools } from '../hooks/useTransfers';
import { TransferPackageDrawer } from './TransferPackageDrawer';

type CaseView = components['schemas']['CaseViewDto'];
type TransferPackage = components['schemas']['TransferPackageDto'];
type Destination = 'inside' | 'outside';
type Values = { destination: Destination; toSchoolId?: string };

// A supervisor of the case's school asks to move an open case (POLICY['case.transfer']); the API checks the consent.
export const mayTransfer = (user: SessionUser | undefined, view: CaseView): boolean =>
  !!user?.roles.includes('supervisor') && user.schoolIds.includes(view.schoolId) && !view.state.startsWith('closed');

// "Chuyển trường": to a school of the installation, the case's request and, once it is accepted by the API, the
// learner's record's; to a school outside it, the package (a Word summary and the signed JSON) to hand over. Either
// way a refusal (no consent) says who has not agreed, and then nothing was asked or exported.
export const TransferCaseControls = ({ view }: { view: CaseView }) => {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [made, setMade] = useState<TransferPackage | null>(null);
  const [form] = Form.useForm<Values>();
  const destination = Form.useWatch('destination', form) ?? 'inside';
  const schools = useReceivingSchools(open);

  const askInside = async (toSchoolId: string) => {
    const body = { toSchoolId };
    const asked = await api.POST('/api/cases/{id}/transfers', { params: { path: { id: view.id } }, body });
    if (asked.error !== undefined || view.learnerId === null) return asked;
    // The receiving school takes the learner's record before the case: asked with it, once.
    const learner = await api.POST('/api/learners/{id}/transfers', { params: { path: { id: view.learnerId } }, body });
    return isProblem(learner.error) && learner.error.code === 'TRANSFER_PENDING' ? {} : learner;
  };

  // The export is itself an event of the case's chain: the case (its chronology) is read again.
  const exportPackage = async () => {
    const answer = await api.POST('/api/cases/{id}/transfer-package', { params: { path: { id: view.id } } });
    if (answer.data) {
      setMade(answer.data);
      void queryClient.invalidateQueries({ queryKey: ['case', view.id] });
    }
    return answer;
  };

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('transfers.caseAction')}</Button>
      {open && (
        <FormDrawer<Values>
          title={t('transfers.caseAction')}
          form={form}
          fields={['toSchoolId']}
          submit={destination === 'outside' ? 'transfers.makePackage' : 'transfers.send'}
          initialValues={{ destination: 'inside' }}
          intro={<p>{t(destination === 'outside' ? 'transfers.packageIntro' : 'transfers.caseIntro')}</p>}
          send={(values) =>
            values.destination === 'outside' ? exportPackage() : askInside(values.toSchoolId as string)
          }
          onClose={() => setOpen(false)}
        >
          <Form.Item name="destination" label={t('transfers.destination')}>
            <Radio.Group
              options={[
                { value: 'inside', label: t('transfers.inside') },
                { value: 'outside', label: t('transfers.outside') },
              ]}
            />
          </Form.Item>
          {destination === 'inside' && (
            <Form.Item name="toSchoolId" label={t('transfers.toSchool')} rules={[{ required: true }]}>
              <Select
                loading={schools.isPending}
                placeholder={t('casePage.choose')}
                options={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              />
            </Form.Item>
          )}
        </FormDrawer>
      )}
      {made && <TransferPackageDrawer made={made} onClose={() => setMade(null)} />}
    </>
  );
};
