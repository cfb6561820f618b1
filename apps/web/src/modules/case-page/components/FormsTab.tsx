import { Alert, Button, List } from 'antd';
import { useState } from 'react';
import { downloadFile } from '../../api/downloadFile';
import { problemMessage, type Problem } from '../../api/problem';
import type { DictionaryKey } from '../../i18n/dictionaryVi';
import { useI18n } from '../../i18n/I18nProvider';

const FORMS: { n: string; label: DictionaryKey }[] = [
  { n: '01', label: 'forms.01' },
  { n: '02', label: 'forms.02' },
  { n: '03', label: 'forms.03' },
  { n: '04', label: 'forms.04' },
];

// The Circular's forms 01–04 filled from the case, as .docx files. Generating one takes a moment: its button shows
// it working; the file is fetched with the session's token and handed to the browser to save.
export const FormsTab = ({ caseId, code }: { caseId: string; code: string }) => {
  const { t, language } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Problem | 'failed' | null>(null);
  const download = async (n: string) => {
    setBusy(n);
    setRefusal(null);
    try {
      setRefusal(await downloadFile(`/api/cases/${caseId}/forms/${n}`, `${code}-mau-${n}.docx`));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      {refusal && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={refusal === 'failed' ? t('error.network') : problemMessage(refusal, language)}
        />
      )}
      <List
        dataSource={FORMS}
        renderItem={(f) => (
          <List.Item
            actions={[
              <Button key="download" loading={busy === f.n} onClick={() => void download(f.n)}>
                {t('forms.download', { n: f.n })}
              </Button>,
            ]}
          >
            {t(f.label)}
          </List.Item>
        )}
      />
    </>
  );
};
