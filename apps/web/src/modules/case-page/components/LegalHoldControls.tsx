import { useQueryClient } from '@tanstack/react-query';
import { Button, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { TextActionDrawer } from '../../forms/components/TextActionDrawer';
import { useI18n } from '../../i18n/I18nProvider';
import type { SessionUser } from '../../session/sessionStore';
import { caseKey } from '../hooks/useCase';
import { DATE_TIME } from './CaseHeader';

type CaseView = components['schemas']['CaseViewDto'];

// The API's limit on a hold's reason (LegalHoldDto).
const REASON_MAX = 2000;

// A supervisor of the case's school holds its content past its retention period (POLICY['case.legal_hold']); a
// shredded case has nothing left to hold.
export const mayHold = (user: SessionUser | undefined, view: CaseView): boolean =>
  !!user?.roles.includes('supervisor') && user.schoolIds.includes(view.schoolId) && view.shreddedAt === null;

// Whether the case is held, or its content already destroyed: said beside its title, to everyone who reads it.
export const RetentionTags = ({ view }: { view: CaseView }) => {
  const { t } = useI18n();
  if (!view.legalHold && !view.shreddedAt) return null;
  return (
    <div className="case-retention">
      {view.legalHold && (
        <Tag color="purple" data-testid="legal-hold-tag">
          {t('legalHold.held', { at: dayjs(view.legalHold.placedAt).format(DATE_TIME) })}
        </Tag>
      )}
      {view.shreddedAt && (
        <Tag data-testid="shredded-tag">
          {t('legalHold.shredded', { at: dayjs(view.shreddedAt).format(DATE_TIME) })}
        </Tag>
      )}
    </div>
  );
};

// "Giữ lại hồ sơ" with a reason, or "Bỏ giữ lại" with another: both go into the case's chain.
export const LegalHoldControls = ({ view }: { view: CaseView }) => {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const held = view.legalHold !== null;
  const params = { path: { id: view.id } };
  return (
    <>
      <Button onClick={() => setOpen(true)}>{held ? t('legalHold.release') : t('legalHold.place')}</Button>
      {open && (
        <TextActionDrawer
          title={held ? t('legalHold.release') : t('legalHold.place')}
          intro={held ? undefined : <p>{t('legalHold.placeIntro')}</p>}
          field="reason"
          label={held ? 'legalHold.releaseReason' : 'legalHold.reason'}
          hint={held ? undefined : 'legalHold.reasonHint'}
          max={REASON_MAX}
          submit={held ? 'legalHold.release' : 'legalHold.place'}
          send={async (reason) => {
            const answer = held
              ? await api.POST('/api/cases/{id}/legal-hold/release', { params, body: { reason } })
              : await api.POST('/api/cases/{id}/legal-hold', { params, body: { reason } });
            await queryClient.invalidateQueries({ queryKey: caseKey(view.id) });
            return answer;
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
};
