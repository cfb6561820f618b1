import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { I18nProvider } from '../../i18n/I18nProvider';
import { ResetPasswordDrawer } from '../users/UserDrawers';

type AdminUser = components['schemas']['AdminUserViewDto'];

const user = {
  id: '6f1c2b4e-0000-4000-8000-0000000000b1',
  username: 'tv.dongda',
  fullName: 'Nguyễn Thị Lan',
} as AdminUser;

const renderDrawer = () =>
  render(
    <QueryClientProvider client={new QueryClient()}>
      <I18nProvider>
        <ResetPasswordDrawer user={user} onClose={() => undefined} />
      </I18nProvider>
    </QueryClientProvider>,
  );

describe('resetting a password', () => {
  const sent = jest.fn();
  beforeEach(() => {
    sent.mockReset();
    globalThis.fetch = sent;
  });

  it('refuses a password shorter than the API takes before sending anything', async () => {
    renderDrawer();
    fireEvent.change(screen.getByLabelText('Mật khẩu mới'), { target: { value: 'ngan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đặt mật khẩu mới' }));
    await waitFor(() => expect(screen.getByText('Mật khẩu cần ít nhất 8 ký tự.')).toBeTruthy());
    expect(sent).not.toHaveBeenCalled();
  });

  it('puts the API’s field problem under the input it names', async () => {
    // jsdom has no fetch Response: the client's answer itself stands in for the API's 400.
    const post = jest.spyOn(api, 'POST').mockResolvedValue({
      error: {
        statusCode: 400,
        error: 'Bad Request',
        code: 'VALIDATION_FAILED',
        message: 'Dữ liệu không hợp lệ.',
        messageEn: 'The data is not valid.',
        details: [{ field: 'newPassword', problems: ['Mật khẩu quá phổ biến.'] }],
      },
    });
    renderDrawer();
    fireEvent.change(screen.getByLabelText('Mật khẩu mới'), { target: { value: 'matkhau-dai-du' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đặt mật khẩu mới' }));
    await waitFor(() => expect(screen.getByText('Mật khẩu quá phổ biến.')).toBeTruthy());
    expect(document.getElementById('newPassword_help')?.textContent).toContain('Mật khẩu quá phổ biến.');
    expect(screen.getByRole('alert').textContent).toContain('Dữ liệu không hợp lệ.');
    expect(post).toHaveBeenCalledTimes(1);
    post.mockRestore();
  });
});
