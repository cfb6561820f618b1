import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useState } from 'react';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { TextActionDrawer } from '../../forms/components/TextActionDrawer';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../session/hooks/useSession';
import { caseKey } from '../hooks/useCase';

type CaseView = components['schemas']['CaseViewDto'];

// The API's limit on a pause's reason and a resumption's note (clock-pause.dto.ts).
const REASON_MAX = 2000;

// A supervisor of the case's school stops its clocks with a reason (the learner in hospital, say) and starts them
// again; nobody else is offered it (POLICY['case.clocks']).
export const ClockControls = ({ view }: { view: CaseView }) => {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const user = useSession()?.user;
  const [open, setOpen] = useState(false);
  if (!user?.roles.includes('supervisor') || !user.schoolIds.includes(view.schoolId)) return null;
  if (view.deadlines.length === 0 && !view.clocksPausedAt) return null;
  const paused = view.clocksPausedAt !== null;
  const params = { path: { id: view.id } };
  const done = async <T,>(answer: T) => {
    await queryClient.invalidateQueries({ queryKey: caseKey(view.id) });
    return answer;
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>{paused ? t('clocks.resume') : t('clocks.pause')}</Button>
      {open && (
        <TextActionDrawer
          title={paused ? t('clocks.resume') : t('clocks.pause')}
          field={paused ? 'note' : 'reason'}
          label={paused ? 'clocks.note' : 'clocks.reason'}
          hint={paused ? undefined : 'clocks.reasonHint'}
          max={REASON_MAX}
          submit={paused ? 'clocks.resume' : 'clocks.pause'}
          send={async (text) =>
            done(
              paused
                ? await api.POST('/api/cases/{id}/clocks/resume', { params, body: { note: text } })
                : await api.POST('/api/cases/{id}/clocks/pause', { params, body: { reason: text } }),
            )
          }
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
};
