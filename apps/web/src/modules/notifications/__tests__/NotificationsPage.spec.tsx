import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { api } from '../../api/apiClient';
import { I18nProvider } from '../../i18n/I18nProvider';
import { NotificationsPage } from '../components/NotificationsPage';
import type { MyNotifications } from '../hooks/useMyNotifications';

const LEVELS = [
  'reminder',
  'overdue',
  'principal',
  'ward',
  'critical_risk',
  'public_intake',
  'referral',
  'protection',
] as const;
const LOCKED: string[] = ['critical_risk', 'protection'];

const mine: MyNotifications = {
  email: null,
  phone: '+84912345678',
  choices: LEVELS.flatMap((level) =>
    (['email', 'webhook'] as const).map((channel) => ({
      channel,
      level,
      mode: level === 'overdue' && channel === 'webhook' ? ('off' as const) : ('immediate' as const),
      locked: LOCKED.includes(level),
    })),
  ),
};

type Put = (typeof api)['PUT'];

const renderPage = () =>
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <I18nProvider>
        <NotificationsPage />
      </I18nProvider>
    </QueryClientProvider>,
  );

describe('the page "Thông báo"', () => {
  let put: jest.SpyInstance<ReturnType<Put>, Parameters<Put>>;
  beforeEach(() => {
    jest.spyOn(api, 'GET').mockResolvedValue({ data: mine } as never);
    put = jest.spyOn(api, 'PUT');
  });
  afterEach(() => jest.restoreAllMocks());

  const save = () => fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));

  it('shows the phone, and the child-safety rows as always at once with the reason, without a choice', async () => {
    renderPage();
    expect((await screen.findByLabelText<HTMLInputElement>('Số điện thoại di động')).value).toBe('+84912345678');
    const rows = within(screen.getByTestId('notification-choices')).getAllByRole('row');
    const protection = rows.find((r) => r.textContent?.startsWith('Bảo vệ trẻ em')) as HTMLElement;
    expect(protection.textContent).toContain('Không thể gom vào bản tin hay tắt');
    expect(within(protection).getAllByText('Luôn gửi ngay')).toHaveLength(2);
    expect(within(protection).queryByRole('combobox')).toBeNull();
    expect(screen.getAllByRole('combobox')).toHaveLength(12);
  });

  it('refuses a malformed e-mail and phone under their inputs before sending anything', async () => {
    renderPage();
    fireEvent.change(await screen.findByLabelText('Thư điện tử'), { target: { value: 'lan@' } });
    fireEvent.change(screen.getByLabelText('Số điện thoại di động'), { target: { value: '0912 345 67' } });
    save();
    await screen.findByText('Địa chỉ thư điện tử không hợp lệ, ví dụ: ten@truong.edu.vn');
    expect(document.getElementById('phone_help')?.textContent).toBe(
      'Số điện thoại phải bắt đầu bằng 0 hoặc +84, tiếp theo là 9 chữ số',
    );
    expect(put).not.toHaveBeenCalled();
  });

  it('sends the address, the phone as typed and every changeable choice, and shows what was stored', async () => {
    const stored = {
      ...mine,
      email: 'lan@thcs.edu.vn',
      phone: '+84987654321',
      choices: mine.choices.map((c) =>
        c.level === 'reminder' && c.channel === 'email' ? { ...c, mode: 'digest' as const } : c,
      ),
    };
    put.mockResolvedValue({ data: stored } as never);
    renderPage();
    fireEvent.change(await screen.findByLabelText('Thư điện tử'), { target: { value: ' lan@thcs.edu.vn ' } });
    fireEvent.change(screen.getByLabelText('Số điện thoại di động'), { target: { value: '0987 654 321' } });
    save();
    await screen.findByText('Đã lưu cách nhận thông báo.');
    const { body } = (put.mock.calls[0] as unknown[])[1] as {
      body: { email: string; phone: string; choices: object[] };
    };
    expect(body).toMatchObject({ email: 'lan@thcs.edu.vn', phone: '0987 654 321' });
    expect(body.choices).toHaveLength(12);
    expect(body.choices).toContainEqual({ channel: 'webhook', level: 'overdue', mode: 'off' });
    expect(body.choices).not.toContainEqual(expect.objectContaining({ level: 'protection' }));
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLInputElement>('Số điện thoại di động').value).toBe('+84987654321'),
    );
    const reminder = within(screen.getByTestId('notification-choices'))
      .getAllByRole('row')
      .find((r) => r.textContent?.startsWith('Nhắc hạn')) as HTMLElement;
    expect(reminder.textContent).toBe('Nhắc hạnGom trong bản tin 07:00Gửi ngay');
  });

  it('puts the API’s field problems under the inputs they name, a choice by its place in the list', async () => {
    put.mockResolvedValue({
      error: {
        statusCode: 400,
        error: 'Bad Request',
        code: 'VALIDATION_FAILED',
        message: 'Dữ liệu không hợp lệ.',
        messageEn: 'The data is not valid.',
        details: [
          { field: 'email', problems: ['Thư điện tử phải là địa chỉ thư điện tử hợp lệ'] },
          { field: 'choices[3].mode', problems: ['Cách nhận phải là một trong các giá trị: immediate, digest, off'] },
        ],
      },
    } as never);
    renderPage();
    fireEvent.change(await screen.findByLabelText('Thư điện tử'), { target: { value: 'lan@thcs.edu.vn' } });
    save();
    await screen.findByText('Thư điện tử phải là địa chỉ thư điện tử hợp lệ');
    expect(document.getElementById('choices_3_mode_help')?.textContent).toContain('Cách nhận phải là một trong');
    expect(screen.getByRole('alert').textContent).toContain('Dữ liệu không hợp lệ.');
  });
});
