import { Button, Grid, Layout, Menu, Space, Typography } from 'antd';
import { Link, Outlet, useLocation } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider';
import { LanguageSwitch } from '../../i18n/components/LanguageSwitch';
import { ROLE_LABELS } from '../../labels/valueLabels';
import { menuOf, selectedEntry } from '../../navigation/navigation';
import { useSession } from '../../session/hooks/useSession';
import { sessionStore } from '../../session/sessionStore';
import { SchoolSwitch } from '../../workplace/components/SchoolSwitch';

// The frame of every signed-in page: who is working (name, role) and the menu of what their role does.
export const AppLayout = () => {
  const { t, language } = useI18n();
  const session = useSession();
  const { pathname } = useLocation();
  // Below a tablet's width the menu runs across the top rather than in a side bar.
  const wide = Grid.useBreakpoint().md !== false;
  if (!session) return null;
  const { user } = session;
  const roles = user.roles.map((r) => ROLE_LABELS[r][language]).join(', ');
  const entries = menuOf(user);
  const selected = selectedEntry(entries, pathname);
  // On a phone the entries wrap as plain links: antd's horizontal menu folds its overflow into a hidden copy whose
  // links stay focusable, which screen readers trip on.
  const menu = (
    <nav aria-label={t('app.name')} className={wide ? undefined : 'phone-menu'}>
      {wide ? (
        <Menu
          mode="inline"
          selectedKeys={[selected]}
          items={entries.map((entry) => ({
            key: entry.path,
            label: <Link to={entry.path}>{t(entry.label)}</Link>,
          }))}
        />
      ) : (
        entries.map((entry) => (
          <Link key={entry.path} to={entry.path} aria-current={entry.path === selected ? 'page' : undefined}>
            {t(entry.label)}
          </Link>
        ))
      )}
    </nav>
  );
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
          <SchoolSwitch />
          <LanguageSwitch />
          <Link to="/thong-bao">{t('header.notifications')}</Link>
          <Link to="/mat-khau">{t('header.password')}</Link>
          <Button onClick={() => sessionStore.end()}>{t('header.logout')}</Button>
        </Space>
      </Layout.Header>
      {wide ? null : menu}
      <Layout>
        {wide ? <Layout.Sider theme="light">{menu}</Layout.Sider> : null}
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
};
