import { Button, Form, Input, Select, Space, Table, Typography, type FormRule } from 'antd';
import { useState } from 'react';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { textRule } from '../../forms/textRules';
import type { Translate } from '../../i18n/I18nProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { emptyText } from '../../forms/components/EmptyText';
import { FormDrawer } from '../../forms/components/FormDrawer';
import { LoadError } from '../components/LoadError';
import { ADMIN_KEYS, useRefresh, useSchools, useWards } from '../hooks/useAdminData';

type Ward = components['schemas']['WardViewDto'];
type School = components['schemas']['SchoolViewDto'];
type CreateSchool = components['schemas']['CreateSchoolDto'];

// libs/identity/src/schools/school.dto.ts: a code starts every case number, so it is short and plain.
const CODE = /^[A-Z0-9]{2,10}$/;
const codeRules = (t: Translate): FormRule[] => [
  { required: true, message: t('casePage.required') },
  { pattern: CODE, message: t('adminSchools.codeRule') },
];
const NAME_MAX = 200;

// What is renamed: a ward or a school, the same drawer for both.
type Open =
  { kind: 'ward' } | { kind: 'school' } | { kind: 'rename'; place: 'ward' | 'school'; row: Ward | School } | null;

// The wards and their schools: the places accounts, cases and directories belong to.
export const SchoolsPage = () => {
  const { t } = useI18n();
  const wards = useWards();
  const schools = useSchools();
  const refresh = useRefresh();
  const [open, setOpen] = useState<Open>(null);
  const [wardForm] = Form.useForm<CreateSchool>();
  const [schoolForm] = Form.useForm<CreateSchool>();
  const [renameForm] = Form.useForm<{ name: string }>();
  const close = () => setOpen(null);
  const wardName = (id: string) => wards.data?.find((w) => w.id === id)?.name ?? '';

  return (
    <section>
      <Typography.Title level={1}>{t('adminSchools.title')}</Typography.Title>
      <Typography.Paragraph>{t('adminSchools.intro')}</Typography.Paragraph>
      <Space orientation="vertical" size="middle" className="admin-page">
        <Typography.Title level={2}>{t('adminSchools.wards')}</Typography.Title>
        <Button onClick={() => setOpen({ kind: 'ward' })}>{t('adminSchools.addWard')}</Button>
        <LoadError error={wards.error} />
        <Table<Ward>
          rowKey="id"
          size="small"
          loading={wards.isPending}
          dataSource={wards.data}
          locale={emptyText(t('adminSchools.wardsEmpty'))}
          pagination={false}
          columns={[
            { title: t('adminSchools.code'), dataIndex: 'code' },
            { title: t('adminSchools.name'), dataIndex: 'name' },
            {
              title: t('adminUsers.actions'),
              key: 'actions',
              render: (_, ward) => (
                <Button size="small" onClick={() => setOpen({ kind: 'rename', place: 'ward', row: ward })}>
                  {t('adminSchools.rename')}
                </Button>
              ),
            },
          ]}
        />
        <Typography.Title level={2}>{t('adminSchools.schools')}</Typography.Title>
        <Button onClick={() => setOpen({ kind: 'school' })} disabled={!wards.data?.length}>
          {t('adminSchools.addSchool')}
        </Button>
        <LoadError error={schools.error} />
        <Table<School>
          rowKey="id"
          size="small"
          loading={schools.isPending}
          dataSource={schools.data}
          locale={emptyText(t('adminSchools.schoolsEmpty'))}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('adminSchools.code'), dataIndex: 'code' },
            { title: t('adminSchools.name'), dataIndex: 'name' },
            { title: t('adminSchools.ward'), dataIndex: 'wardId', render: wardName },
            {
              title: t('adminUsers.actions'),
              key: 'actions',
              render: (_, school) => (
                <Button size="small" onClick={() => setOpen({ kind: 'rename', place: 'school', row: school })}>
                  {t('adminSchools.rename')}
                </Button>
              ),
            },
          ]}
        />
      </Space>
      {open?.kind === 'ward' && (
        <FormDrawer<CreateSchool>
          title={t('adminSchools.addWard')}
          form={wardForm}
          fields={['code', 'name']}
          submit="adminSchools.create"
          onClose={close}
          send={async (v) => {
            const sent = await api.POST('/api/admin/wards', { body: { code: v.code, name: v.name.trim() } });
            await refresh(ADMIN_KEYS.wards);
            return sent;
          }}
        >
          <Form.Item
            name="code"
            label={t('adminSchools.code')}
            extra={t('adminSchools.codeHint')}
            required
            rules={codeRules(t)}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="name" label={t('adminSchools.name')} required rules={[textRule(t, NAME_MAX, true)]}>
            <Input autoComplete="off" />
          </Form.Item>
        </FormDrawer>
      )}
      {open?.kind === 'school' && (
        <FormDrawer<CreateSchool>
          title={t('adminSchools.addSchool')}
          form={schoolForm}
          fields={['code', 'name', 'wardId']}
          submit="adminSchools.create"
          initialValues={{ wardId: wards.data?.[0]?.id }}
          onClose={close}
          send={async (v) => {
            const sent = await api.POST('/api/admin/schools', {
              body: { code: v.code, name: v.name.trim(), wardId: v.wardId },
            });
            await refresh(ADMIN_KEYS.schools);
            return sent;
          }}
        >
          <Form.Item
            name="code"
            label={t('adminSchools.code')}
            extra={t('adminSchools.codeHint')}
            required
            rules={codeRules(t)}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="name" label={t('adminSchools.name')} required rules={[textRule(t, NAME_MAX, true)]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="wardId"
            label={t('adminSchools.ward')}
            required
            rules={[{ required: true, message: t('casePage.required') }]}
          >
            <Select options={wards.data?.map((w) => ({ value: w.id, label: w.name }))} />
          </Form.Item>
        </FormDrawer>
      )}
      {open?.kind === 'rename' && (
        <FormDrawer<{ name: string }>
          title={t('adminSchools.renameTitle', { name: open.row.name })}
          form={renameForm}
          fields={['name']}
          submit="adminUsers.save"
          initialValues={{ name: open.row.name }}
          onClose={close}
          send={async (v) => {
            const request = { params: { path: { id: open.row.id } }, body: { name: v.name.trim() } };
            const sent =
              open.place === 'ward'
                ? await api.PUT('/api/admin/wards/{id}', request)
                : await api.PUT('/api/admin/schools/{id}', request);
            await refresh(open.place === 'ward' ? ADMIN_KEYS.wards : ADMIN_KEYS.schools);
            return sent;
          }}
        >
          <Form.Item name="name" label={t('adminSchools.name')} required rules={[textRule(t, NAME_MAX, true)]}>
            <Input autoComplete="off" />
          </Form.Item>
        </FormDrawer>
      )}
    </section>
  );
};
