import { Form, Select } from 'antd';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { FormDrawer } from '../../forms/components/FormDrawer';
import { TextActionDrawer } from '../../forms/components/TextActionDrawer';
import { useI18n } from '../../i18n/I18nProvider';
import { useCounsellors } from '../hooks/useTransfers';

type Transfer = components['schemas']['TransferViewDto'];

// The API's limit on a decline's reason (DeclineTransferDto).
const REASON_MAX = 2000;

// A learner's record is accepted as it is; a case names one of the receiving school's counsellors.
export const AcceptTransferDrawer = ({ transfer, onClose }: { transfer: Transfer; onClose: () => void }) => {
  const { t } = useI18n();
  const [form] = Form.useForm<{ assigneeId?: string }>();
  const team = useCounsellors(transfer.toSchool.id);
  const isCase = transfer.kind === 'case';
  return (
    <FormDrawer<{ assigneeId?: string }>
      title={t('transfers.accept')}
      form={form}
      fields={['assigneeId']}
      submit="transfers.accept"
      intro={<p>{t(isCase ? 'transfers.acceptCaseIntro' : 'transfers.acceptLearnerIntro')}</p>}
      send={(values) =>
        api.POST('/api/transfers/{id}/accept', {
          params: { path: { id: transfer.id } },
          body: isCase ? { assigneeId: values.assigneeId } : {},
        })
      }
      onClose={onClose}
    >
      {isCase && (
        <Form.Item name="assigneeId" label={t('transfers.assignee')} rules={[{ required: true }]}>
          <Select
            loading={team.isPending}
            placeholder={t('casePage.choose')}
            options={(team.data ?? [])
              .filter((m) => m.roles.includes('counsellor'))
              .map((m) => ({ value: m.id, label: m.fullName }))}
          />
        </Form.Item>
      )}
    </FormDrawer>
  );
};

export const DeclineTransferDrawer = ({ transfer, onClose }: { transfer: Transfer; onClose: () => void }) => {
  const { t } = useI18n();
  return (
    <TextActionDrawer
      title={t('transfers.decline')}
      field="reason"
      label="transfers.declineReason"
      max={REASON_MAX}
      submit="transfers.decline"
      send={(reason) =>
        api.POST('/api/transfers/{id}/decline', { params: { path: { id: transfer.id } }, body: { reason } })
      }
      onClose={onClose}
    />
  );
};
