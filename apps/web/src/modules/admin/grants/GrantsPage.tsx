import { App, Button, Form, Input, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { useI18n } from '../../i18n/I18nProvider';
import { confirmAction } from '../components/confirmAction';
import { emptyText } from '../../forms/components/EmptyText';
import { FormDrawer } from '../../forms/components/FormDrawer';
import { LoadError } from '../components/LoadError';
import { StatusTag } from '../components/StatusTag';
import {
  ADMIN_KEYS,
  useAuditorGrants,
  usePrincipalGrants,
  useRefresh,
  useSchools,
  useUsers,
} from '../hooks/useAdminData';
import { DATE, expiresAtOf, PersonSelect, WindowInputs, type WindowValues } from './GrantForm';

type AuditorGrant = components['schemas']['AuditorGrantViewDto'];
type PrincipalGrant = components['schemas']['GrantViewDto'];
type Role = components['schemas']['Role'];
type AuditorValues = WindowValues & { auditorId: string; schoolId: string };
type PrincipalValues = WindowValues & { caseCode: string; granteeId: string };

// The API's case numbers (DD-2026-0007), in either case: the API reads them upper-cased.
const CASE_NUMBER = /^\s*[A-Z0-9]{2,10}-\d{4}-\d{4,}\s*$/i;

// Who may read what beyond their role: an inspector one school until a day (the inspection), a principal one case's
// confidential content until a day. Both end by themselves; the admin may end them sooner.
export const GrantsPage = () => {
  const { t, language } = useI18n();
  const app = App.useApp();
  const users = useUsers();
  const schools = useSchools();
  const auditorGrants = useAuditorGrants();
  const principalGrants = usePrincipalGrants();
  const refresh = useRefresh();
  const [open, setOpen] = useState<'auditor' | 'principal' | null>(null);
  const [auditorForm] = Form.useForm<AuditorValues>();
  const [principalForm] = Form.useForm<PrincipalValues>();

  const personName = (id: string) => users.data?.find((u) => u.id === id)?.fullName ?? '';
  const schoolName = (id: string) => schools.data?.find((s) => s.id === id)?.name ?? '';
  const peopleWith = (role: Role) =>
    (users.data ?? [])
      .filter((u) => u.roles.includes(role) && !u.disabledAt)
      .map((u) => ({ value: u.id, label: `${u.fullName} (${u.username})` }));
  const status = (g: { live: boolean; revokedAt: string | null }) => (
    <StatusTag live={g.live}>
      {g.live ? t('adminGrants.live') : g.revokedAt ? t('adminGrants.revoked') : t('adminGrants.expired')}
    </StatusTag>
  );
  const revoke = (name: string, send: () => Promise<{ error?: unknown }>, key: readonly unknown[]) =>
    confirmAction(
      app,
      { t, language },
      {
        title: t('adminGrants.revokeTitle', { name }),
        content: t('adminGrants.revokeConfirm'),
        ok: t('adminGrants.revoke'),
        send,
        done: () => refresh(key),
      },
    );
  const common = {
    reason: { title: t('adminGrants.reason'), dataIndex: 'reason' },
    expiresAt: {
      title: t('adminGrants.expiresAt'),
      dataIndex: 'expiresAt',
      render: (at: string) => dayjs(at).format(DATE),
    },
  };

  return (
    <section>
      <Typography.Title level={1}>{t('adminGrants.title')}</Typography.Title>
      <Typography.Paragraph>{t('adminGrants.intro')}</Typography.Paragraph>
      <Space orientation="vertical" size="middle" className="admin-page">
        <Typography.Title level={2}>{t('adminGrants.auditorTitle')}</Typography.Title>
        <Button onClick={() => setOpen('auditor')}>{t('adminGrants.issueAuditor')}</Button>
        <LoadError error={auditorGrants.error} />
        <Table<AuditorGrant>
          rowKey="id"
          size="small"
          data-testid="auditor-grants"
          loading={auditorGrants.isPending}
          dataSource={auditorGrants.data}
          locale={emptyText(t('adminGrants.auditorEmpty'))}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('adminGrants.auditor'), dataIndex: 'auditorId', render: personName },
            { title: t('adminUsers.schools'), dataIndex: 'schoolId', render: schoolName },
            common.reason,
            common.expiresAt,
            { title: t('adminUsers.status'), key: 'status', render: (_, g) => status(g) },
            {
              title: t('adminUsers.actions'),
              key: 'actions',
              render: (_, g) =>
                g.live && (
                  <Button
                    size="small"
                    danger
                    onClick={() =>
                      revoke(
                        personName(g.auditorId),
                        () => api.POST('/api/admin/auditor-grants/{id}/revoke', { params: { path: { id: g.id } } }),
                        ADMIN_KEYS.auditorGrants,
                      )
                    }
                  >
                    {t('adminGrants.revoke')}
                  </Button>
                ),
            },
          ]}
        />
        <Typography.Title level={2}>{t('adminGrants.principalTitle')}</Typography.Title>
        <Typography.Paragraph>{t('adminGrants.principalIntro')}</Typography.Paragraph>
        <Button onClick={() => setOpen('principal')}>{t('adminGrants.issuePrincipal')}</Button>
        <LoadError error={principalGrants.error} />
        <Table<PrincipalGrant>
          rowKey="id"
          size="small"
          data-testid="principal-grants"
          loading={principalGrants.isPending}
          dataSource={principalGrants.data}
          locale={emptyText(t('adminGrants.principalEmpty'))}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('adminGrants.principal'), dataIndex: 'granteeId', render: personName },
            { title: t('adminUsers.schools'), dataIndex: 'schoolId', render: schoolName },
            {
              title: t('adminGrants.case'),
              dataIndex: 'caseCode',
              // The admin reads no case: its number is all there is to show.
              render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
            },
            common.reason,
            common.expiresAt,
            { title: t('adminUsers.status'), key: 'status', render: (_, g) => status(g) },
            {
              title: t('adminUsers.actions'),
              key: 'actions',
              render: (_, g) =>
                g.live && (
                  <Button
                    size="small"
                    danger
                    onClick={() =>
                      revoke(
                        personName(g.granteeId),
                        () => api.POST('/api/admin/grants/{id}/revoke', { params: { path: { id: g.id } } }),
                        ADMIN_KEYS.grants,
                      )
                    }
                  >
                    {t('adminGrants.revoke')}
                  </Button>
                ),
            },
          ]}
        />
      </Space>
      {open === 'auditor' && (
        <FormDrawer<AuditorValues>
          title={t('adminGrants.issueAuditor')}
          form={auditorForm}
          fields={['auditorId', 'schoolId', 'reason', 'expiresAt']}
          submit="adminGrants.issue"
          onClose={() => setOpen(null)}
          send={async (v) => {
            const sent = await api.POST('/api/admin/auditor-grants', {
              body: {
                auditorId: v.auditorId,
                schoolId: v.schoolId,
                reason: v.reason.trim(),
                expiresAt: expiresAtOf(v.expiresAt),
              },
            });
            await refresh(ADMIN_KEYS.auditorGrants);
            return sent;
          }}
        >
          <Form.Item
            name="auditorId"
            label={t('adminGrants.auditor')}
            required
            rules={[{ required: true, message: t('casePage.required') }]}
          >
            <PersonSelect options={peopleWith('auditor')} />
          </Form.Item>
          <Form.Item
            name="schoolId"
            label={t('adminGrants.school')}
            required
            rules={[{ required: true, message: t('casePage.required') }]}
          >
            <PersonSelect options={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
          <WindowInputs />
        </FormDrawer>
      )}
      {open === 'principal' && (
        <FormDrawer<PrincipalValues>
          title={t('adminGrants.issuePrincipal')}
          form={principalForm}
          fields={['caseCode', 'granteeId', 'reason', 'expiresAt']}
          submit="adminGrants.issue"
          onClose={() => setOpen(null)}
          send={async (v) => {
            const sent = await api.POST('/api/admin/grants', {
              body: {
                caseCode: v.caseCode.trim(),
                granteeId: v.granteeId,
                reason: v.reason.trim(),
                expiresAt: expiresAtOf(v.expiresAt),
              },
            });
            await refresh(ADMIN_KEYS.grants);
            return sent;
          }}
        >
          <Form.Item
            name="granteeId"
            label={t('adminGrants.principal')}
            required
            rules={[{ required: true, message: t('casePage.required') }]}
          >
            <PersonSelect options={peopleWith('principal')} />
          </Form.Item>
          <Form.Item
            name="caseCode"
            label={t('adminGrants.case')}
            extra={t('adminGrants.caseHint')}
            required
            rules={[
              { required: true, whitespace: true, message: t('casePage.required') },
              { pattern: CASE_NUMBER, message: t('adminGrants.caseRule') },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <WindowInputs />
        </FormDrawer>
      )}
    </section>
  );
};
