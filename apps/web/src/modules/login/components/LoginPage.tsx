import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { api } from '../../api/apiClient';
import { isProblem, problemMessage, type Problem } from '../../api/problem';
import { useI18n } from '../../i18n/I18nProvider';
import { LanguageSwitch } from '../../i18n/components/LanguageSwitch';
import { useSession } from '../../session/hooks/useSession';
import { sessionStore } from '../../session/sessionStore';
import { useCountdown } from '../hooks/useCountdown';

// `code`: asked for only once the server has answered SECOND_FACTOR_REQUIRED (a user with a second factor).
type Credentials = { username: string; password: string; code?: string };

const ASKS_FOR_CODE = new Set(['SECOND_FACTOR_REQUIRED', 'SECOND_FACTOR_INVALID']);

const retryAfterOf = (problem: Problem): number => {
  const details = problem.details as { retryAfterSeconds?: unknown } | undefined;
  return typeof details?.retryAfterSeconds === 'number' ? details.retryAfterSeconds : 0;
};

export const LoginPage = () => {
  const { t, language } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  const [problem, setProblem] = useState<Problem | null>(null);
  const [offline, setOffline] = useState(false);
  const [sending, setSending] = useState(false);
  const [askCode, setAskCode] = useState(false);
  const [wait, startWait] = useCountdown();

  if (session) return <Navigate to={from} replace />;

  const submit = async (credentials: Credentials) => {
    setSending(true);
    setOffline(false);
    try {
      const { data, error } = await api.POST('/api/auth/login', { body: credentials });
      if (data) {
        sessionStore.start({ token: data.accessToken, user: data.user });
        await navigate(from, { replace: true });
        return;
      }
      setProblem(isProblem(error) ? error : null);
      if (isProblem(error) && ASKS_FOR_CODE.has(error.code)) setAskCode(true);
      if (isProblem(error) && error.code === 'TOO_MANY_LOGIN_ATTEMPTS') startWait(retryAfterOf(error));
    } catch {
      setOffline(true);
    } finally {
      setSending(false);
    }
  };

  const message =
    problem?.code === 'TOO_MANY_LOGIN_ATTEMPTS'
      ? wait > 0
        ? t('login.retryIn', { seconds: wait })
        : null
      : problem && problemMessage(problem, language);
  // The first answer to a user with a second factor is a request for the code, not an error.
  const asking = problem?.code === 'SECOND_FACTOR_REQUIRED';

  return (
    <main className="login-page">
      <Card className="login-card">
        <div className="login-heading">
          <Typography.Title level={1}>{t('app.name')}</Typography.Title>
          <LanguageSwitch />
        </div>
        <Typography.Paragraph type="secondary">{t('app.tagline')}</Typography.Paragraph>
        <Typography.Title level={2}>{t('login.title')}</Typography.Title>
        {sessionStore.wasExpired() && !problem && <Alert type="info" showIcon title={t('login.expired')} />}
        {message && <Alert type={asking ? 'info' : 'error'} showIcon role="alert" title={message} />}
        {offline && <Alert type="error" showIcon role="alert" title={t('error.network')} />}
        <Form<Credentials> layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item
            label={t('login.username')}
            name="username"
            rules={[{ required: true, whitespace: true, message: t('login.required') }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={t('login.password')}
            name="password"
            rules={[{ required: true, message: t('login.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {askCode && (
            <Form.Item
              label={t('login.code')}
              name="code"
              rules={[{ required: true, whitespace: true, message: t('login.required') }]}
            >
              <Input autoComplete="one-time-code" autoFocus maxLength={40} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block loading={sending} disabled={wait > 0}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
};
