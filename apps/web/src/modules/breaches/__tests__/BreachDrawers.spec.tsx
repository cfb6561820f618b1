import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { I18nProvider } from '../../i18n/I18nProvider';
import { AuthorityDrawer, RecordBreachDrawer } from '../components/BreachDrawers';

type Breach = components['schemas']['BreachViewDto'];

const HOUR = 3_600_000;
const breachFoundAgo = (hours: number): Breach =>
  ({
    id: '6f1c2b4e-0000-4000-8000-0000000000c1',
    detectedAt: new Date(Date.now() - hours * HOUR).toISOString(),
    dueAt: new Date(Date.now() - hours * HOUR + 72 * HOUR).toISOString(),
    status: 'open',
    overdue: hours > 72,
    authorityNotification: null,
    guardianNotification: null,
    closure: null,
  }) as Breach;

const renderIn = (node: ReactNode) =>
  render(
    <QueryClientProvider client={new QueryClient()}>
      <I18nProvider>{node}</I18nProvider>
    </QueryClientProvider>,
  );

const validationFailed = (field: string, problem: string) => ({
  error: {
    statusCode: 400,
    error: 'Bad Request',
    code: 'VALIDATION_FAILED',
    message: 'Dữ liệu không hợp lệ.',
    messageEn: 'The data is not valid.',
    details: [{ field, problems: [problem] }],
  },
});

// A typed moment, taken as a person takes it: Enter.
const typeMoment = (label: string, text: string) => {
  const input = screen.getByLabelText(label);
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
};

describe('recording a breach', () => {
  beforeEach(() => {
    jest.spyOn(api, 'GET').mockResolvedValue({
      data: { items: [{ id: '6f1c2b4e-0000-4000-8000-0000000000d1', name: 'Trường THCS Đống Đa' }] },
    } as never);
  });
  afterEach(() => jest.restoreAllMocks());

  it('asks for what the law needs before sending anything', async () => {
    const post = jest.spyOn(api, 'POST');
    renderIn(<RecordBreachDrawer onClose={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Ghi nhận' }));
    await screen.findByText('Chọn ít nhất một loại dữ liệu.');
    expect(document.getElementById('description_help')?.textContent).toContain('Vui lòng nhập');
    expect(document.getElementById('responsible_phone_help')?.textContent).toContain('Vui lòng nhập');
    expect(post).not.toHaveBeenCalled();
  });

  it('sends the moment with its offset and puts the API’s field problem under its input', async () => {
    const post = jest
      .spyOn(api, 'POST')
      .mockResolvedValue(validationFailed('responsible.phone', 'Số điện thoại không hợp lệ.'));
    const onClose = jest.fn();
    renderIn(<RecordBreachDrawer onClose={onClose} />);
    fireEvent.change(screen.getByLabelText('Mô tả sự cố'), { target: { value: 'Mất máy tính xách tay của tổ.' } });
    typeMoment('Phát hiện lúc', '01/03/2026 15:00');
    fireEvent.click(screen.getByLabelText('Nội dung tư vấn'));
    fireEvent.change(screen.getByLabelText('Số học sinh bị ảnh hưởng (ước tính)'), { target: { value: '12' } });
    fireEvent.change(screen.getByLabelText('Hậu quả có thể xảy ra'), { target: { value: 'Lộ nội dung tư vấn.' } });
    fireEvent.change(screen.getByLabelText('Biện pháp đã thực hiện'), { target: { value: 'Đổi mật khẩu.' } });
    fireEvent.change(screen.getByLabelText('Họ và tên người chịu trách nhiệm'), {
      target: { value: 'Nguyễn Văn Hùng' },
    });
    fireEvent.change(screen.getByLabelText('Số điện thoại liên hệ'), { target: { value: '024 3851 1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ghi nhận' }));

    await waitFor(() =>
      expect(document.getElementById('responsible_phone_help')?.textContent).toContain('Số điện thoại không hợp lệ.'),
    );
    expect(onClose).not.toHaveBeenCalled();
    expect(post).toHaveBeenCalledTimes(1);
    const body = (post.mock.calls[0][1] as { body: Record<string, unknown> }).body;
    expect(body).toMatchObject({
      description: 'Mất máy tính xách tay của tổ.',
      categories: ['counselling'],
      subjectsEstimate: 12,
      schoolIds: [],
      responsible: { fullName: 'Nguyễn Văn Hùng', phone: '024 3851 1234' },
    });
    // The time typed, in the browser's own zone, with that zone's offset.
    expect(Date.parse(body.detectedAt as string)).toBe(new Date(2026, 2, 1, 15, 0).getTime());
    expect(body.detectedAt).toMatch(/[+-]\d{2}:\d{2}$/);
  });
});

describe('recording that the authority was told', () => {
  afterEach(() => jest.restoreAllMocks());

  it('within the 72 hours asks no reason and sends none', async () => {
    const post = jest.spyOn(api, 'POST').mockResolvedValue({ data: {} });
    const onClose = jest.fn();
    renderIn(<AuthorityDrawer breach={breachFoundAgo(10)} onClose={onClose} />);
    expect(screen.queryByLabelText('Lý do báo muộn')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Ghi nhận' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect((post.mock.calls[0][1] as { body: object }).body).not.toHaveProperty('lateReason');
  });

  it('after the 72 hours asks why, and sends the reason', async () => {
    const post = jest.spyOn(api, 'POST').mockResolvedValue({ data: {} });
    const onClose = jest.fn();
    renderIn(<AuthorityDrawer breach={breachFoundAgo(80)} onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Ghi nhận' }));
    await waitFor(() => expect(document.getElementById('lateReason_help')?.textContent).toContain('Vui lòng nhập'));
    expect(post).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Lý do báo muộn'), { target: { value: 'Phát hiện vào kỳ nghỉ Tết.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ghi nhận' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect((post.mock.calls[0][1] as { body: object }).body).toMatchObject({
      lateReason: 'Phát hiện vào kỳ nghỉ Tết.',
    });
  });
});
