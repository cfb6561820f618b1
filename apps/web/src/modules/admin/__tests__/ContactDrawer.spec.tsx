import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { I18nProvider } from '../../i18n/I18nProvider';
import { ContactDrawer } from '../users/UserDrawers';

type AdminUser = components['schemas']['AdminUserViewDto'];

const user = {
  id: '6f1c2b4e-0000-4000-8000-0000000000b1',
  username: 'tv.dongda',
  fullName: 'Nguyễn Thị Lan',
  email: 'lan@thcs.edu.vn',
  phone: '+84912345678',
} as AdminUser;

const renderDrawer = (onClose = () => undefined) =>
  render(
    <QueryClientProvider client={new QueryClient()}>
      <I18nProvider>
        <ContactDrawer user={user} onClose={onClose} />
      </I18nProvider>
    </QueryClientProvider>,
  );

describe('the admin setting a user’s e-mail and phone', () => {
  afterEach(() => jest.restoreAllMocks());
  const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));

  it('starts from the user’s own and refuses a phone that is not a Vietnamese mobile before sending', async () => {
    const put = jest.spyOn(api, 'PUT');
    renderDrawer();
    expect(screen.getByLabelText<HTMLInputElement>('Thư điện tử').value).toBe('lan@thcs.edu.vn');
    fireEvent.change(screen.getByLabelText('Số điện thoại di động'), { target: { value: '84 912 345 678' } });
    submit();
    await screen.findByText('Số điện thoại phải bắt đầu bằng 0 hoặc +84, tiếp theo là 9 chữ số');
    expect(put).not.toHaveBeenCalled();
  });

  it('sends an emptied e-mail as none, the phone as typed, and closes', async () => {
    const put = jest.spyOn(api, 'PUT').mockResolvedValue({ data: user } as never);
    const onClose = jest.fn();
    renderDrawer(onClose);
    fireEvent.change(screen.getByLabelText('Thư điện tử'), { target: { value: '  ' } });
    fireEvent.change(screen.getByLabelText('Số điện thoại di động'), { target: { value: '0987 654 321' } });
    submit();
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(put.mock.calls[0][1]).toMatchObject({
      params: { path: { id: user.id } },
      body: { email: null, phone: '0987 654 321' },
    });
  });
});
