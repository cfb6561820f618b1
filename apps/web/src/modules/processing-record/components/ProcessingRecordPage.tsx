import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { LoadError } from '../../admin/components/LoadError';
import { downloadFile } from '../../api/downloadFile';
import type { components } from '../../api/openapiTypes';
import { problemMessage, type Problem } from '../../api/problem';
import { useI18n } from '../../i18n/I18nProvider';
import { RETENTION_BASIS_LABELS, SEALED_UNDER_LABELS } from '../../labels/valueLabels';
import { useProcessingRecord } from '../hooks/useProcessingRecord';
import './processingRecord.css';

type Activity = components['schemas']['ProcessingActivityDto'];
type Words = components['schemas']['WordsDto'];

// The record of processing Law 91/2025 asks the school to keep: read here, filed as the Word file.
export const ProcessingRecordPage = () => {
  const { t, language } = useI18n();
  const record = useProcessingRecord();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Problem | 'failed' | null>(null);
  const say = (w: Words) => w[language];
  const list = (ws: Words[]) => ws.map(say).join('; ');

  const download = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      setRefusal(
        await downloadFile('/api/admin/privacy/processing-record?format=docx', 'nhat-ky-xu-ly-du-lieu-ca-nhan.docx'),
      );
    } finally {
      setBusy(false);
    }
  };

  const details = (a: Activity) => [
    { key: 'basis', label: t('processingRecord.legalBasis'), children: list(a.legalBasis) },
    { key: 'subjects', label: t('processingRecord.subjects'), children: list(a.subjects) },
    {
      key: 'categories',
      label: t('processingRecord.categories'),
      children: (
        <ul className="processing-record-list">
          {a.categories.map((c) => (
            <li key={c.data.en}>
              {say(c.data)} {c.sensitive && <Tag color="error">{t('processingRecord.sensitive')}</Tag>}
            </li>
          ))}
        </ul>
      ),
    },
    {
      key: 'stored',
      label: t('processingRecord.storedIn'),
      children: (
        <ul className="processing-record-list">
          {a.storedIn.map((s) => (
            <li key={s.table}>
              <Typography.Text code>{s.table}</Typography.Text>
              {s.sealedUnder && (
                <>
                  {' '}
                  {SEALED_UNDER_LABELS[s.sealedUnder][language]}: {s.sealedColumns.join(', ')}
                </>
              )}
            </li>
          ))}
        </ul>
      ),
    },
    { key: 'recipients', label: t('processingRecord.recipients'), children: list(a.recipients) },
    {
      key: 'retention',
      label: t('processingRecord.retention'),
      children: (
        <>
          {say(a.retention.rule)}
          {a.retention.periods.map((p) => (
            <div key={p.kind}>
              {t('processingRecord.period', { kind: p.kind, years: p.years })} —{' '}
              {RETENTION_BASIS_LABELS[p.basis][language]}
            </div>
          ))}
        </>
      ),
    },
  ];

  return (
    <section>
      <Typography.Title level={1}>{t('processingRecord.title')}</Typography.Title>
      <Typography.Paragraph>{t('processingRecord.intro')}</Typography.Paragraph>
      <Space orientation="vertical" size="middle" className="admin-page">
        <Button type="primary" loading={busy} onClick={() => void download()}>
          {t('processingRecord.download')}
        </Button>
        {refusal && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={refusal === 'failed' ? t('error.network') : problemMessage(refusal, language)}
          />
        )}
        <LoadError error={record.error} />
        {record.data?.activities.map((a, i) => (
          <Card key={a.id} size="small" title={`${i + 1}. ${say(a.purpose)}`}>
            <Descriptions bordered size="small" column={1} items={details(a)} />
          </Card>
        ))}
        {record.data && (
          <Card size="small" title={t('processingRecord.notPersonal')}>
            <Typography.Paragraph>{say(record.data.transfersAbroad)}</Typography.Paragraph>
            <ul className="processing-record-list">
              {record.data.notPersonal.map((n) => (
                <li key={n.table}>
                  <Typography.Text code>{n.table}</Typography.Text> {say(n.why)}
                </li>
              ))}
            </ul>
          </Card>
        )}
      </Space>
    </section>
  );
};
