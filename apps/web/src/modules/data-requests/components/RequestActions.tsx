import { type App, Button, Space } from 'antd';
import { api } from '../../api/apiClient';
import { downloadFile } from '../../api/downloadFile';
import type { components } from '../../api/openapiTypes';
import { isProblem, problemMessage, type Problem } from '../../api/problem';
import { useI18n } from '../../i18n/I18nProvider';
import { DATA_EXPORT_FORMAT_LABELS, DATA_REQUEST_KIND_LABELS } from '../../labels/valueLabels';
import { outcomeWords } from '../outcomeWords';

type DataRequest = components['schemas']['DataRequestViewDto'];
type Format = components['schemas']['DataExportFormat'];
type AppApi = ReturnType<typeof App.useApp>;

const EXPORT_NAME: Record<Format, string> = { docx: 'du-lieu-hoc-sinh.docx', json: 'du-lieu-hoc-sinh.json' };

// The answer a request takes, for a supervisor: an access request's export (each download recorded in the cases'
// trails), a correction, or an erasure or restriction carried out after a confirmation; then, for either role,
// the answer letter for the principal to sign.
export const RequestActions = ({
  request,
  mayAnswer,
  app,
  onRectify,
  refresh,
}: {
  request: DataRequest;
  mayAnswer: boolean;
  app: AppApi;
  onRectify: () => void;
  refresh: () => Promise<unknown>;
}) => {
  const { t, language } = useI18n();
  const failed = (answer: Problem | 'failed' | null) => {
    if (answer === null) return;
    void app.message.error(answer === 'failed' ? t('dataRequests.downloadFailed') : problemMessage(answer, language));
  };
  const exportAs = async (format: Format) => {
    failed(
      await downloadFile(`/api/privacy/requests/${request.id}/export?format=${format}`, EXPORT_NAME[format], 'POST'),
    );
    await refresh();
  };
  const letter = async () =>
    failed(await downloadFile(`/api/privacy/requests/${request.id}/letter`, 'thu-tra-loi-yeu-cau.docx'));

  const carryOut = () =>
    void app.modal.confirm({
      title: t('dataRequests.carryOutTitle', {
        kind: DATA_REQUEST_KIND_LABELS[request.kind][language],
        name: request.learnerName ?? '',
      }),
      content: (
        <>
          <p>{t('dataRequests.carryOutConfirm')}</p>
          {request.kind === 'erase' && <p>{t('dataRequests.eraseConfirm')}</p>}
        </>
      ),
      okText: t('dataRequests.carryOut'),
      okButtonProps: { danger: true },
      cancelText: t('casePage.cancel'),
      onOk: async () => {
        try {
          const { data, error } = await api.POST('/api/privacy/requests/{id}/carry-out', {
            params: { path: { id: request.id } },
          });
          if (error !== undefined || !data) {
            void app.message.error(isProblem(error) ? problemMessage(error, language) : t('error.network'));
          } else {
            const { refused, lines } = outcomeWords(t, data.outcome);
            const shown = {
              title: refused ? t('dataRequests.refusedTitle') : t('dataRequests.doneTitle'),
              content: (
                <ul data-testid="data-request-outcome">
                  {lines.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              ),
            };
            void (refused ? app.modal.warning(shown) : app.modal.success(shown));
          }
        } catch {
          void app.message.error(t('error.network'));
        }
        await refresh();
      },
    });

  const open = request.status === 'open';
  return (
    <Space wrap>
      {mayAnswer &&
        request.kind === 'access' &&
        (['docx', 'json'] as const).map((format) => (
          <Button key={format} size="small" onClick={() => void exportAs(format)}>
            {t('dataRequests.export', { format: DATA_EXPORT_FORMAT_LABELS[format][language] })}
          </Button>
        ))}
      {mayAnswer && request.kind === 'rectify' && request.status !== 'refused' && (
        <Button size="small" onClick={onRectify}>
          {t('dataRequests.rectify')}
        </Button>
      )}
      {mayAnswer && open && (request.kind === 'erase' || request.kind === 'restrict') && (
        <Button size="small" danger onClick={carryOut}>
          {t('dataRequests.carryOut')}
        </Button>
      )}
      {!open && (
        <Button size="small" onClick={() => void letter()}>
          {t('dataRequests.letter')}
        </Button>
      )}
    </Space>
  );
};
