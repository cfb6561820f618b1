import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/apiClient';
import { downloadFile } from '../../api/downloadFile';
import type { components } from '../../api/openapiTypes';
import { isProblem, problemMessage } from '../../api/problem';
import { TextActionDrawer } from '../../forms/components/TextActionDrawer';
import { emptyText } from '../../forms/components/EmptyText';
import { useI18n } from '../../i18n/I18nProvider';
import { ATTACHMENT_KIND_LABELS } from '../../labels/valueLabels';
import { sessionStore } from '../../session/sessionStore';
import { caseKey } from '../hooks/useCase';
import { useAttachments, useRecords } from '../hooks/useRecords';
import { recordChoices } from './recordChoices';

type CaseView = components['schemas']['CaseViewDto'];
type Attachment = components['schemas']['AttachmentViewDto'];

// The case's files: the team uploads one with a caption and withdraws one with a reason; whoever may read the
// case's confidential content downloads them, the others see only that a file exists, its kind and date.
export const AttachmentsTab = ({ view, mayWrite }: { view: CaseView; mayWrite: boolean }) => {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const attachments = useAttachments(view.id);
  const records = recordChoices(useRecords(view.id).data, language);
  const recordOf = new Map(records.map((r) => [r.value, r.label]));
  const [file, setFile] = useState<File | null>(null);
  const [recordId, setRecordId] = useState('');
  const [caption, setCaption] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState<Attachment | null>(null);
  if (attachments.error) return <Alert type="error" showIcon title={t('error.network')} />;

  const send = async () => {
    if (!file) return;
    setSending(true);
    setProblem(null);
    const body = new FormData();
    body.append('caption', caption);
    if (recordId) body.append('recordId', recordId);
    body.append('file', file);
    const res = await fetch(`/api/cases/${view.id}/attachments`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sessionStore.get()?.token ?? ''}` },
      body,
    }).catch(() => null);
    setSending(false);
    if (!res?.ok) {
      const answer: unknown = await res?.json().catch(() => null);
      setProblem(isProblem(answer) ? problemMessage(answer, language) : t('error.network'));
      return;
    }
    setFile(null);
    setCaption('');
    setRecordId('');
    await queryClient.invalidateQueries({ queryKey: caseKey(view.id) });
  };

  const download = async (a: Attachment) => {
    const refused = await downloadFile(`/api/cases/${view.id}/attachments/${a.id}/content`, a.fileName ?? a.id);
    if (refused) setProblem(refused === 'failed' ? t('error.network') : problemMessage(refused, language));
  };

  return (
    <>
      {mayWrite && (
        <Space className="record-actions" wrap>
          <input
            type="file"
            aria-label={t('attachments.file')}
            accept=".pdf,.jpg,.jpeg,.png,.heic,.docx"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <Input
            aria-label={t('attachments.caption')}
            placeholder={t('attachments.caption')}
            maxLength={500}
            value={caption}
            onChange={(e) => setCaption(e.target.value)}
          />
          <Select
            aria-label={t('attachments.record')}
            style={{ minWidth: 240 }}
            options={[{ value: '', label: t('attachments.wholeCase') }, ...records]}
            value={recordId}
            onChange={(v: string) => setRecordId(v)}
          />
          <Button type="primary" loading={sending} disabled={!file || !caption.trim()} onClick={() => void send()}>
            {t('attachments.upload')}
          </Button>
        </Space>
      )}
      {problem && <Alert type="error" showIcon title={problem} />}
      <Table<Attachment>
        rowKey="id"
        size="small"
        loading={attachments.isPending}
        dataSource={attachments.data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={emptyText(t('attachments.none'))}
        columns={[
          {
            title: t('attachments.kind'),
            dataIndex: 'kind',
            render: (k: Attachment['kind']) => ATTACHMENT_KIND_LABELS[k][language],
          },
          {
            title: t('attachments.uploadedAt'),
            dataIndex: 'uploadedAt',
            render: (d: string) => dayjs(d).format('DD/MM/YYYY HH:mm'),
          },
          {
            title: t('attachments.record'),
            key: 'record',
            render: (_, a) =>
              a.masked ? null : a.recordId ? (recordOf.get(a.recordId) ?? '') : t('attachments.wholeCase'),
          },
          {
            title: t('attachments.caption'),
            key: 'caption',
            render: (_, a) => (a.masked ? <Tag>{t('attachments.masked')}</Tag> : `${a.caption} (${a.fileName})`),
          },
          {
            title: t('attachments.status'),
            key: 'status',
            render: (_, a) => (
              <Space wrap>
                {!a.masked && (
                  <Button size="small" onClick={() => void download(a)}>
                    {t('attachments.download')}
                  </Button>
                )}
                {a.withdrawnAt ? (
                  <Tag>
                    {a.withdrawReason
                      ? `${t('attachments.withdrawn')}: ${a.withdrawReason}`
                      : t('attachments.withdrawn')}
                  </Tag>
                ) : (
                  mayWrite && (
                    <Button size="small" onClick={() => setWithdrawing(a)}>
                      {t('attachments.withdraw')}
                    </Button>
                  )
                )}
              </Space>
            ),
          },
        ]}
      />
      {withdrawing && (
        <TextActionDrawer
          title={t('attachments.withdraw')}
          field="reason"
          label="casePage.field.reason"
          max={1000}
          submit="attachments.withdraw"
          send={async (reason) => {
            const answer = await api.POST('/api/cases/{id}/attachments/{attachmentId}/withdraw', {
              params: { path: { id: view.id, attachmentId: withdrawing.id } },
              body: { reason },
            });
            await queryClient.invalidateQueries({ queryKey: caseKey(view.id) });
            return answer;
          }}
          onClose={() => setWithdrawing(null)}
        />
      )}
    </>
  );
};
