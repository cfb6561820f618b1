import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { components } from '../../api/openapiTypes';
import { I18nProvider } from '../../i18n/I18nProvider';
import { AckDrawer } from '../components/AckDrawer';

type AlertView = components['schemas']['AlertViewDto'];

const alert = {
  id: '6f1c2b4e-0000-4000-8000-0000000000a1',
  level: 'overdue',
  reason: 'Hồ sơ DD-2026-0001 đã quá hạn liên hệ lần đầu.',
  reasonEn: 'Case DD-2026-0001 is past its first contact.',
} as AlertView;

describe('acknowledging an alert', () => {
  const sent = jest.fn();
  beforeEach(() => {
    sent.mockReset();
    globalThis.fetch = sent;
  });

  it('asks for the next action before sending anything, and refuses blanks as the API does', async () => {
    render(
      <QueryClientProvider client={new QueryClient()}>
        <I18nProvider>
          <AckDrawer alert={alert} onClose={() => undefined} />
        </I18nProvider>
      </QueryClientProvider>,
    );
    expect(screen.getByText(alert.reason)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Việc tiếp theo'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Xác nhận' }));
    await waitFor(() => expect(screen.getByText('Vui lòng nhập thông tin này')).toBeTruthy());
    fireEvent.change(screen.getByLabelText('Việc tiếp theo'), { target: { value: 'x'.repeat(2001) } });
    await waitFor(() => expect(screen.getByText('Tối đa 2000 ký tự')).toBeTruthy());
    expect(sent).not.toHaveBeenCalled();
  });
});
