import { App, Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { useI18n } from '../../i18n/I18nProvider';
import { ROLE_LABELS, SECOND_FACTOR_LABELS } from '../../labels/valueLabels';
import { confirmAction } from '../components/confirmAction';
import { emptyText } from '../../forms/components/EmptyText';
import { LoadError } from '../components/LoadError';
import { StatusTag } from '../components/StatusTag';
import { ADMIN_KEYS, useFailedDeliveries, useRefresh, useSchools, useUsers } from '../hooks/useAdminData';
import { DeliveriesDrawer } from './DeliveriesDrawer';
import { SecondFactorDrawer } from './SecondFactorDrawer';
import { AccessDrawer, ContactDrawer, CreateUserDrawer, ResetPasswordDrawer } from './UserDrawers';

type AdminUser = components['schemas']['AdminUserViewDto'];
type Open =
  { kind: 'create' } | { kind: 'access' | 'contact' | 'reset' | 'deliveries' | 'secondFactor'; user: AdminUser } | null;

// Every account: who, what roles, which schools, whether it still opens; created, changed and disabled here.
export const UsersPage = () => {
  const { t, language } = useI18n();
  const app = App.useApp();
  const users = useUsers();
  const schools = useSchools();
  const failed = useFailedDeliveries();
  const refresh = useRefresh();
  const failedOf = (userId: string) => (failed.data ?? []).filter((d) => d.userId === userId);
  const [open, setOpen] = useState<Open>(null);
  // Nothing until the schools are read: an id is no name, and "no longer listed" would be untrue.
  const schoolName = (id: string) =>
    schools.data ? (schools.data.find((s) => s.id === id)?.name ?? t('adminUsers.unknownSchool')) : '';

  const disable = (user: AdminUser) =>
    confirmAction(
      app,
      { t, language },
      {
        title: t('adminUsers.disableTitle', { name: user.fullName }),
        content: t('adminUsers.disableConfirm'),
        ok: t('adminUsers.disable'),
        send: () => api.POST('/api/admin/users/{id}/disable', { params: { path: { id: user.id } } }),
        done: () => refresh(ADMIN_KEYS.users),
      },
    );

  // The second factor: reset (it cannot be enrolled again while active, and a lost phone needs a new one).
  const resetSecondFactor = (user: AdminUser) =>
    confirmAction(
      app,
      { t, language },
      {
        title: t('adminUsers.secondFactorResetTitle', { name: user.fullName }),
        content: t('adminUsers.secondFactorResetConfirm'),
        ok: t('adminUsers.secondFactorResetOk'),
        send: () => api.POST('/api/admin/users/{id}/second-factor/reset', { params: { path: { id: user.id } } }),
        done: () => refresh(ADMIN_KEYS.users),
      },
    );

  return (
    <section>
      <Typography.Title level={1}>{t('adminUsers.title')}</Typography.Title>
      <Typography.Paragraph>{t('adminUsers.intro')}</Typography.Paragraph>
      <Space orientation="vertical" size="middle" className="admin-page">
        <Button type="primary" onClick={() => setOpen({ kind: 'create' })}>
          {t('adminUsers.create')}
        </Button>
        <LoadError error={users.error} />
        <Table<AdminUser>
          rowKey="id"
          size="small"
          data-testid="users-table"
          loading={users.isPending}
          dataSource={users.data}
          locale={emptyText(t('adminUsers.empty'))}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('adminUsers.fullName'), dataIndex: 'fullName' },
            { title: t('adminUsers.username'), dataIndex: 'username' },
            {
              title: t('adminUsers.roles'),
              dataIndex: 'roles',
              render: (roles: AdminUser['roles']) => roles.map((r) => ROLE_LABELS[r][language]).join(', '),
            },
            {
              title: t('adminUsers.schools'),
              dataIndex: 'schoolIds',
              render: (ids: string[]) => (ids.length ? ids.map(schoolName).join(', ') : t('adminUsers.noSchool')),
            },
            {
              // Where alerts reach the person outside the app.
              title: t('adminUsers.contact'),
              key: 'contact',
              render: (_, user) =>
                user.email || user.phone ? (
                  <>
                    {user.email && <div>{user.email}</div>}
                    {user.phone && <div>{user.phone}</div>}
                  </>
                ) : (
                  t('adminUsers.noContact')
                ),
            },
            {
              title: t('adminUsers.failedDeliveries'),
              key: 'failedDeliveries',
              render: (_, user) => {
                const count = failedOf(user.id).length;
                return count === 0 ? null : (
                  <Button size="small" danger onClick={() => setOpen({ kind: 'deliveries', user })}>
                    {t('adminUsers.failedDeliveriesCount', { count })}
                  </Button>
                );
              },
            },
            {
              title: t('adminUsers.status'),
              dataIndex: 'disabledAt',
              render: (at: string | null) => (
                <StatusTag live={!at}>{at ? t('adminUsers.disabled') : t('adminUsers.active')}</StatusTag>
              ),
            },
            {
              // Enrolled by the admin; "pending" until the person's first code, which they give at their next login.
              title: t('adminUsers.secondFactor'),
              key: 'secondFactor',
              render: (_, user) => (
                <Space orientation="vertical" size="small">
                  <StatusTag live>{SECOND_FACTOR_LABELS[user.secondFactor][language]}</StatusTag>
                  {!user.disabledAt && (
                    <Space wrap>
                      {user.secondFactor !== 'active' && (
                        <Button size="small" onClick={() => setOpen({ kind: 'secondFactor', user })}>
                          {t('adminUsers.enrol')}
                        </Button>
                      )}
                      {user.secondFactor !== 'none' && (
                        <Button size="small" onClick={() => resetSecondFactor(user)}>
                          {t('adminUsers.secondFactorReset')}
                        </Button>
                      )}
                    </Space>
                  )}
                </Space>
              ),
            },
            {
              title: t('adminUsers.actions'),
              key: 'actions',
              render: (_, user) =>
                user.disabledAt ? null : (
                  <Space wrap>
                    <Button size="small" onClick={() => setOpen({ kind: 'access', user })}>
                      {t('adminUsers.changeAccess')}
                    </Button>
                    <Button size="small" onClick={() => setOpen({ kind: 'contact', user })}>
                      {t('adminUsers.changeContact')}
                    </Button>
                    <Button size="small" onClick={() => setOpen({ kind: 'reset', user })}>
                      {t('adminUsers.reset')}
                    </Button>
                    <Button size="small" danger onClick={() => disable(user)}>
                      {t('adminUsers.disable')}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      </Space>
      {open?.kind === 'create' && <CreateUserDrawer onClose={() => setOpen(null)} />}
      {open?.kind === 'access' && <AccessDrawer user={open.user} onClose={() => setOpen(null)} />}
      {open?.kind === 'contact' && <ContactDrawer user={open.user} onClose={() => setOpen(null)} />}
      {open?.kind === 'reset' && <ResetPasswordDrawer user={open.user} onClose={() => setOpen(null)} />}
      {open?.kind === 'secondFactor' && <SecondFactorDrawer user={open.user} onClose={() => setOpen(null)} />}
      {open?.kind === 'deliveries' && (
        <DeliveriesDrawer user={open.user} failed={failedOf(open.user.id)} onClose={() => setOpen(null)} />
      )}
    </section>
  );
};
