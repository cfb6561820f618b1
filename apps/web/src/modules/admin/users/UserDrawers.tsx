import { Form, Input } from 'antd';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { ContactInputs } from '../../forms/components/ContactInputs';
import { contactOf } from '../../forms/contactRules';
import { textRule } from '../../forms/textRules';
import { useI18n } from '../../i18n/I18nProvider';
import { FormDrawer } from '../../forms/components/FormDrawer';
import { ADMIN_KEYS, useRefresh } from '../hooks/useAdminData';
import { AccessInputs } from './AccessInputs';
import { passwordRules, usernameRules } from './userRules';

type AdminUser = components['schemas']['AdminUserViewDto'];
type CreateUser = components['schemas']['CreateUserDto'];
type UserAccess = components['schemas']['UserAccessDto'];
type Contact = { email?: string; phone?: string };

// A cleared ward select gives undefined, which the JSON body leaves out: the API reads that as "no ward".
const accessOf = (v: UserAccess): UserAccess => ({
  roles: v.roles,
  schoolIds: v.schoolIds ?? [],
  ...(v.wardId ? { wardId: v.wardId } : {}),
});

export const CreateUserDrawer = ({ onClose }: { onClose: () => void }) => {
  const { t } = useI18n();
  const [form] = Form.useForm<CreateUser & Contact>();
  const refresh = useRefresh();
  return (
    <FormDrawer<CreateUser & Contact>
      title={t('adminUsers.create')}
      form={form}
      fields={['username', 'fullName', 'password', 'roles', 'schoolIds', 'wardId', 'email', 'phone']}
      submit="adminUsers.createSubmit"
      initialValues={{ roles: ['counsellor'], schoolIds: [] }}
      onClose={onClose}
      send={async (v) => {
        const sent = await api.POST('/api/admin/users', {
          body: {
            ...accessOf(v),
            ...contactOf(v),
            username: v.username,
            fullName: v.fullName.trim(),
            password: v.password,
          },
        });
        await refresh(ADMIN_KEYS.users);
        return sent;
      }}
    >
      <Form.Item
        name="username"
        label={t('adminUsers.username')}
        extra={t('adminUsers.usernameHint')}
        required
        rules={usernameRules(t)}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="fullName" label={t('adminUsers.fullName')} required rules={[textRule(t, 200, true)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('adminUsers.password')}
        extra={t('adminUsers.passwordHint')}
        required
        rules={passwordRules(t)}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <AccessInputs />
      <ContactInputs emailHint="adminUsers.emailHint" />
    </FormDrawer>
  );
};

export const ContactDrawer = ({ user, onClose }: { user: AdminUser; onClose: () => void }) => {
  const { t } = useI18n();
  const [form] = Form.useForm<Contact>();
  const refresh = useRefresh();
  return (
    <FormDrawer<Contact>
      title={t('adminUsers.contactTitle', { name: user.fullName })}
      form={form}
      fields={['email', 'phone']}
      submit="adminUsers.save"
      initialValues={{ email: user.email ?? '', phone: user.phone ?? '' }}
      onClose={onClose}
      send={async (v) => {
        const sent = await api.PUT('/api/admin/users/{id}/contact', {
          params: { path: { id: user.id } },
          body: contactOf(v),
        });
        await refresh(ADMIN_KEYS.users);
        return sent;
      }}
    >
      <ContactInputs emailHint="adminUsers.emailHint" />
    </FormDrawer>
  );
};

export const AccessDrawer = ({ user, onClose }: { user: AdminUser; onClose: () => void }) => {
  const { t } = useI18n();
  const [form] = Form.useForm<UserAccess>();
  const refresh = useRefresh();
  return (
    <FormDrawer<UserAccess>
      title={t('adminUsers.accessTitle', { name: user.fullName })}
      form={form}
      fields={['roles', 'schoolIds', 'wardId']}
      submit="adminUsers.save"
      initialValues={{ roles: user.roles, schoolIds: user.schoolIds, wardId: user.wardId ?? undefined }}
      onClose={onClose}
      send={async (v) => {
        const sent = await api.PUT('/api/admin/users/{id}/access', {
          params: { path: { id: user.id } },
          body: accessOf(v),
        });
        await refresh(ADMIN_KEYS.users);
        return sent;
      }}
    >
      <AccessInputs />
    </FormDrawer>
  );
};

type Reset = components['schemas']['ResetPasswordDto'];

export const ResetPasswordDrawer = ({ user, onClose }: { user: AdminUser; onClose: () => void }) => {
  const { t } = useI18n();
  const [form] = Form.useForm<Reset>();
  return (
    <FormDrawer<Reset>
      title={t('adminUsers.resetTitle', { name: user.fullName })}
      form={form}
      fields={['newPassword']}
      submit="adminUsers.resetSubmit"
      onClose={onClose}
      send={async (v) =>
        api.POST('/api/admin/users/{id}/reset-password', {
          params: { path: { id: user.id } },
          body: { newPassword: v.newPassword },
        })
      }
    >
      <Form.Item
        name="newPassword"
        label={t('adminUsers.newPassword')}
        extra={t('adminUsers.resetHint')}
        required
        rules={passwordRules(t)}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormDrawer>
  );
};
