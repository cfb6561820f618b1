import { Alert, Button, Drawer, QRCode, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { isProblem, problemMessage, type Problem } from '../../api/problem';
import { useI18n } from '../../i18n/I18nProvider';
import { ADMIN_KEYS, useRefresh } from '../hooks/useAdminData';
import './secondFactor.css';

type AdminUser = components['schemas']['AdminUserViewDto'];
type Enrolment = components['schemas']['SecondFactorEnrolmentDto'];

// Enrolling a second factor: the API answers once with the secret and the recovery codes, and nothing shows them
// again, so the drawer keeps them until the admin says they were handed over (no closing by a stray click or Esc).
export const SecondFactorDrawer = ({ user, onClose }: { user: AdminUser; onClose: () => void }) => {
  const { t, language } = useI18n();
  const refresh = useRefresh();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [refusal, setRefusal] = useState<Problem | 'failed' | null>(null);
  const [sending, setSending] = useState(false);

  const enrol = async () => {
    setSending(true);
    setRefusal(null);
    try {
      const { data, error } = await api.POST('/api/admin/users/{id}/second-factor', {
        params: { path: { id: user.id } },
      });
      if (data) setEnrolment(data);
      else setRefusal(isProblem(error) ? error : 'failed');
    } catch {
      setRefusal('failed');
    } finally {
      setSending(false);
    }
    await refresh(ADMIN_KEYS.users);
  };

  return (
    <Drawer
      open
      title={t('adminUsers.enrolTitle', { name: user.fullName })}
      onClose={onClose}
      size={520}
      destroyOnHidden
      maskClosable={!enrolment}
      keyboard={!enrolment}
      closable={!enrolment}
    >
      {refusal && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={refusal === 'failed' ? t('error.network') : problemMessage(refusal, language)}
        />
      )}
      {!enrolment ? (
        <Space orientation="vertical" size="middle">
          <Typography.Paragraph>{t('adminUsers.enrolIntro')}</Typography.Paragraph>
          {user.secondFactor === 'pending' && <Alert type="warning" showIcon title={t('adminUsers.enrolReplace')} />}
          <Space>
            <Button type="primary" loading={sending} onClick={() => void enrol()}>
              {t('adminUsers.enrolSubmit')}
            </Button>
            <Button onClick={onClose}>{t('casePage.cancel')}</Button>
          </Space>
        </Space>
      ) : (
        <Space orientation="vertical" size="middle" data-testid="second-factor-enrolment">
          <Alert type="warning" showIcon role="alert" title={t('adminUsers.enrolOnce')} />
          <figure className="second-factor-qr">
            <QRCode value={enrolment.otpauthUri} type="svg" size={200} aria-hidden />
            <figcaption>{t('adminUsers.enrolQr')}</figcaption>
          </figure>
          <div>
            <Typography.Text strong>{t('adminUsers.enrolSecret')}</Typography.Text>
            <Typography.Paragraph copyable={{ text: enrolment.secret }}>
              <Typography.Text code data-testid="second-factor-secret">
                {enrolment.secret.replace(/(.{4})(?=.)/g, '$1 ')}
              </Typography.Text>
            </Typography.Paragraph>
          </div>
          <div>
            <Typography.Text strong>{t('adminUsers.enrolUri')}</Typography.Text>
            <Typography.Paragraph copyable className="second-factor-uri" data-testid="second-factor-uri">
              {enrolment.otpauthUri}
            </Typography.Paragraph>
          </div>
          <div>
            <Typography.Text strong>{t('adminUsers.recoveryCodes')}</Typography.Text>
            <ol className="second-factor-codes" data-testid="second-factor-codes">
              {enrolment.recoveryCodes.map((code) => (
                <li key={code}>
                  <Typography.Text code>{code}</Typography.Text>
                </li>
              ))}
            </ol>
          </div>
          <Typography.Paragraph>{t('adminUsers.enrolNext')}</Typography.Paragraph>
          <Button type="primary" onClick={onClose}>
            {t('adminUsers.enrolClose')}
          </Button>
        </Space>
      )}
    </Drawer>
  );
};
