import { App, Button, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { textRule } from '../../forms/textRules';
import { useI18n } from '../../i18n/I18nProvider';
import { PROVIDER_KIND_LABELS } from '../../labels/valueLabels';
import { confirmAction } from '../components/confirmAction';
import { emptyText } from '../../forms/components/EmptyText';
import { FormDrawer } from '../../forms/components/FormDrawer';
import { LoadError } from '../components/LoadError';
import { StatusTag } from '../components/StatusTag';
import { ADMIN_KEYS, useDirectory, useRefresh, useWards } from '../hooks/useAdminData';

type Provider = components['schemas']['ProviderViewDto'];
type Kind = components['schemas']['ProviderKind'];
type ProviderValues = {
  name: string;
  kind: Kind;
  wardId?: string;
  address?: string;
  phone?: string;
  email?: string;
  hours?: string;
  contactPerson?: string;
  notes?: string;
};

const KINDS = Object.keys(PROVIDER_KIND_LABELS) as Kind[];
// libs/directory/src/dtos/service-provider.dto.ts
const PHONE_PATTERN = /^\+?\d(?: ?\d){2,14}$/;
const OPTIONAL = ['address', 'phone', 'email', 'hours', 'contactPerson', 'notes'] as const;
const FIELDS = ['name', 'kind', 'wardId', ...OPTIONAL];

// A PUT replaces every field: an emptied input is sent as null, which clears it.
const bodyOf = (v: ProviderValues) => ({
  name: v.name.trim(),
  kind: v.kind,
  ...Object.fromEntries(OPTIONAL.map((f) => [f, v[f]?.trim() ? v[f].trim() : null])),
});

// Where a school refers a learner: each ward's receivers, kept current by the admin; one no longer referred to is
// deactivated, not deleted, because old referrals still name it.
export const DirectoryPage = () => {
  const { t, language } = useI18n();
  const app = App.useApp();
  const directory = useDirectory();
  const wards = useWards();
  const refresh = useRefresh();
  const [open, setOpen] = useState<{ provider: Provider | null } | null>(null);
  const [form] = Form.useForm<ProviderValues>();
  const wardName = (id: string) => wards.data?.find((w) => w.id === id)?.name ?? '';

  const deactivate = (p: Provider) =>
    confirmAction(
      app,
      { t, language },
      {
        title: t('adminDirectory.deactivateTitle', { name: p.name }),
        content: t('adminDirectory.deactivateConfirm'),
        ok: t('adminDirectory.deactivate'),
        send: () => api.POST('/api/admin/directory/{id}/deactivate', { params: { path: { id: p.id } } }),
        done: () => refresh(ADMIN_KEYS.directory),
      },
    );

  const editing = open?.provider ?? null;
  return (
    <section>
      <Typography.Title level={1}>{t('adminDirectory.title')}</Typography.Title>
      <Typography.Paragraph>{t('adminDirectory.intro')}</Typography.Paragraph>
      <Space orientation="vertical" size="middle" className="admin-page">
        <Button type="primary" onClick={() => setOpen({ provider: null })}>
          {t('adminDirectory.add')}
        </Button>
        <LoadError error={directory.error} />
        <Table<Provider>
          rowKey="id"
          size="small"
          data-testid="directory-table"
          loading={directory.isPending}
          dataSource={directory.data}
          locale={emptyText(t('adminDirectory.empty'))}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('adminDirectory.name'), dataIndex: 'name' },
            {
              title: t('adminDirectory.kind'),
              dataIndex: 'kind',
              render: (kind: Kind) => PROVIDER_KIND_LABELS[kind][language],
            },
            { title: t('adminSchools.ward'), dataIndex: 'wardId', render: wardName },
            { title: t('adminDirectory.phone'), dataIndex: 'phone' },
            { title: t('adminDirectory.address'), dataIndex: 'address' },
            {
              title: t('adminUsers.status'),
              dataIndex: 'active',
              render: (active: boolean) => (
                <StatusTag live={active}>
                  {active ? t('adminDirectory.active') : t('adminDirectory.inactive')}
                </StatusTag>
              ),
            },
            {
              title: t('adminUsers.actions'),
              key: 'actions',
              render: (_, p) =>
                p.active && (
                  <Space wrap>
                    <Button size="small" onClick={() => setOpen({ provider: p })}>
                      {t('adminDirectory.edit')}
                    </Button>
                    <Button size="small" danger onClick={() => deactivate(p)}>
                      {t('adminDirectory.deactivate')}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      </Space>
      {open && (
        <FormDrawer<ProviderValues>
          title={editing ? t('adminDirectory.editTitle', { name: editing.name }) : t('adminDirectory.add')}
          form={form}
          fields={FIELDS}
          submit="adminUsers.save"
          initialValues={
            editing
              ? {
                  name: editing.name,
                  kind: editing.kind,
                  ...Object.fromEntries(OPTIONAL.map((f) => [f, editing[f] ?? undefined])),
                }
              : { kind: 'y_te', wardId: wards.data?.[0]?.id }
          }
          onClose={() => setOpen(null)}
          send={async (v) => {
            const sent = editing
              ? await api.PUT('/api/admin/directory/{id}', {
                  params: { path: { id: editing.id } },
                  body: bodyOf(v),
                })
              : await api.POST('/api/admin/directory', {
                  body: { ...bodyOf(v), ...(v.wardId ? { wardId: v.wardId } : {}) },
                });
            await refresh(ADMIN_KEYS.directory);
            return sent;
          }}
        >
          <Form.Item name="name" label={t('adminDirectory.name')} required rules={[textRule(t, 300, true)]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="kind"
            label={t('adminDirectory.kind')}
            required
            rules={[{ required: true, message: t('casePage.required') }]}
          >
            <Select options={KINDS.map((k) => ({ value: k, label: PROVIDER_KIND_LABELS[k][language] }))} />
          </Form.Item>
          {!editing && (
            <Form.Item name="wardId" label={t('adminSchools.ward')} extra={t('adminDirectory.wardHint')}>
              <Select allowClear options={wards.data?.map((w) => ({ value: w.id, label: w.name }))} />
            </Form.Item>
          )}
          <Form.Item name="address" label={t('adminDirectory.address')} rules={[textRule(t, 500)]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('adminDirectory.phone')}
            extra={t('adminDirectory.phoneHint')}
            rules={[{ pattern: PHONE_PATTERN, message: t('adminDirectory.phoneRule') }]}
          >
            <Input autoComplete="off" inputMode="tel" />
          </Form.Item>
          <Form.Item
            name="email"
            label={t('adminDirectory.email')}
            rules={[
              { type: 'email', message: t('adminDirectory.emailRule') },
              { max: 254, message: t('casePage.tooLong', { max: 254 }) },
            ]}
          >
            <Input autoComplete="off" inputMode="email" />
          </Form.Item>
          <Form.Item
            name="hours"
            label={t('adminDirectory.hours')}
            extra={t('adminDirectory.hoursHint')}
            rules={[textRule(t, 200)]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="contactPerson" label={t('adminDirectory.contactPerson')} rules={[textRule(t, 200)]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="notes" label={t('adminDirectory.notes')} rules={[textRule(t, 2000)]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </FormDrawer>
      )}
    </section>
  );
};
