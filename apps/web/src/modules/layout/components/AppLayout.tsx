import { Button, Layout, Menu, Space, Typography } from 'antd';
import { Link, Outlet, useLocation } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider';
import { LanguageSwitch } from '../../i18n/components/LanguageSwitch';
import { ROLE_LABELS } from '../../labels/valueLabels';
import { menuOf } from '../../navigation/navigation';
import { useSession } from '../../session/hooks/useSession';
import { sessionStore } from '../../session/sessionStore';

// The frame of every signed-in page: who is working (name, role) and the menu of what their role does.
export const AppLayout = () => {
  const { t, language } = useI18n();
  const session = useSession();
  const { pathname } = useLocation();
  if (!session) return null;
  const { user } = session;
  const roles = user.roles.map((r) => ROLE_LABELS[r][language]).join(', ');
  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        <Typography.Text strong className="app-name">
          {t('app.name')}
        </Typography.Text>
        <Space className="app-user" wrap>
          <span data-testid="user-name">{user.fullName}</span>
          <Typography.Text type="secondary" data-testid="user-roles">
            {roles}
          </Typography.Text>
          <LanguageSwitch />
          <Button onClick={() => sessionStore.end()}>{t('header.logout')}</Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider breakpoint="md" collapsedWidth={0} theme="light">
          <nav aria-label={t('app.name')}>
            <Menu
              mode="inline"
              selectedKeys={[pathname.split('/')[1] ?? '']}
              items={menuOf(user).map((entry) => ({
                key: entry.path.split('/')[1] ?? '',
                label: <Link to={entry.path}>{t(entry.label)}</Link>,
              }))}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
};
