import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { I18nProvider } from '../../i18n/I18nProvider';
import { SecondFactorDrawer } from '../users/SecondFactorDrawer';

type AdminUser = components['schemas']['AdminUserViewDto'];

const user = {
  id: '6f1c2b4e-0000-4000-8000-0000000000b1',
  username: 'vhxh',
  fullName: 'Trần Văn Minh',
  secondFactor: 'none',
} as AdminUser;

const enrolment = {
  secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  otpauthUri: 'otpauth://totp/%C4%90%E1%BB%93ng%20H%C3%A0nh:vhxh?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=x',
  recoveryCodes: Array.from({ length: 10 }, (_, i) => `abcd-efg${i}`),
};

const renderDrawer = (onClose = () => undefined) =>
  render(
    <QueryClientProvider client={new QueryClient()}>
      <I18nProvider>
        <SecondFactorDrawer user={user} onClose={onClose} />
      </I18nProvider>
    </QueryClientProvider>,
  );

describe('the admin enrolling a user’s second factor', () => {
  afterEach(() => jest.restoreAllMocks());

  it('shows the secret, the address to scan and the recovery codes once, with the warning, until told they were handed over', async () => {
    const post = jest.spyOn(api, 'POST').mockResolvedValue({ data: enrolment });
    const onClose = jest.fn();
    renderDrawer(onClose);
    // Nothing is created until the admin asks, and until then the drawer closes as any other.
    const drawerClose = () => screen.queryAllByRole('button', { name: /^(close|đóng)$/i });
    expect(drawerClose()).toHaveLength(1);
    expect(post).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Tạo khóa bí mật' }));

    await screen.findByText(/chỉ hiện một lần này/);
    expect(post).toHaveBeenCalledWith('/api/admin/users/{id}/second-factor', { params: { path: { id: user.id } } });
    expect(screen.getByTestId('second-factor-secret').textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    expect(screen.getByTestId('second-factor-uri').textContent).toContain(enrolment.otpauthUri);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(enrolment.recoveryCodes);
    // No stray click or Esc loses them: only the admin's own button closes.
    expect(drawerClose()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Đã trao cho người dùng, đóng' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('says the API’s refusal and shows no secret', async () => {
    jest.spyOn(api, 'POST').mockResolvedValue({
      error: {
        statusCode: 409,
        error: 'Conflict',
        code: 'SECOND_FACTOR_ALREADY_ACTIVE',
        message: 'Người dùng đã bật xác thực hai lớp; hãy đặt lại trước.',
        messageEn: 'Already active; reset it first.',
      },
    });
    renderDrawer();
    fireEvent.click(screen.getByRole('button', { name: 'Tạo khóa bí mật' }));
    expect((await screen.findByRole('alert')).textContent).toContain('hãy đặt lại trước');
    expect(screen.queryByTestId('second-factor-secret')).toBeNull();
  });
});
