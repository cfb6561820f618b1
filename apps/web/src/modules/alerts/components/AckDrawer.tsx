import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { TextActionDrawer } from '../../forms/components/TextActionDrawer';
import { useI18n } from '../../i18n/I18nProvider';

type AlertView = components['schemas']['AlertViewDto'];

// The API's limit on a next action (AckAlertDto).
export const NEXT_ACTION_MAX = 2000;

// An alert is acknowledged only with what the person will do next: the form refuses an empty one as the API does.
export const AckDrawer = ({ alert, onClose }: { alert: AlertView; onClose: () => void }) => {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  return (
    <TextActionDrawer
      title={t('alerts.ackTitle')}
      intro={<p>{language === 'vi' ? alert.reason : alert.reasonEn}</p>}
      field="nextAction"
      label="alerts.nextAction"
      hint="alerts.nextActionHint"
      max={NEXT_ACTION_MAX}
      submit="alerts.ack"
      send={async (nextAction) => {
        const answer = await api.POST('/api/alerts/{id}/ack', {
          params: { path: { id: alert.id } },
          body: { nextAction },
        });
        await queryClient.invalidateQueries({ queryKey: ['alerts'] });
        return answer;
      }}
      onClose={onClose}
    />
  );
};
