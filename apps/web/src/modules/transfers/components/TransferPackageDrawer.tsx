import { Alert, Button, Drawer, Space, Typography } from 'antd';
import { saveFile } from '../../api/downloadFile';
import type { components } from '../../api/openapiTypes';
import { useI18n } from '../../i18n/I18nProvider';

type TransferPackage = components['schemas']['TransferPackageDto'];

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const bytesOf = (base64: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

// The package the API made (its export already recorded in the case's chain): the Word summary for the receiving
// school's staff to read, the signed JSON for its system or `npm run cli -- verify --package` to check, and the key's
// fingerprint, which the receiving school compares with the one this installation announces. Saved on a click each,
// from the answer the page holds: nothing is exported twice.
export const TransferPackageDrawer = ({ made, onClose }: { made: TransferPackage; onClose: () => void }) => {
  const { t } = useI18n();
  const fingerprint = typeof made.package.keyFingerprint === 'string' ? made.package.keyFingerprint : '';
  return (
    <Drawer open title={t('transfers.packageTitle')} onClose={onClose} size={520} destroyOnHidden>
      <Space orientation="vertical" size="middle">
        <Alert type="success" showIcon title={t('transfers.packageMade')} />
        <Typography.Paragraph>{t('transfers.packageHandOver')}</Typography.Paragraph>
        <Space wrap>
          <Button
            type="primary"
            onClick={() => saveFile(new Blob([bytesOf(made.summaryDocx)], { type: DOCX }), `${made.fileName}.docx`)}
          >
            {t('transfers.packageDocx')}
          </Button>
          <Button
            onClick={() =>
              saveFile(
                new Blob([JSON.stringify(made.package, null, 2)], { type: 'application/json' }),
                `${made.fileName}.json`,
              )
            }
          >
            {t('transfers.packageJson')}
          </Button>
        </Space>
        <Typography.Paragraph>
          {t('transfers.packageFingerprint')} <Typography.Text code>{fingerprint}</Typography.Text>
        </Typography.Paragraph>
        <Button onClick={onClose}>{t('transfers.packageClose')}</Button>
      </Space>
    </Drawer>
  );
};
