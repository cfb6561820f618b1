import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { components } from '../../api/openapiTypes';
import { I18nProvider } from '../../i18n/I18nProvider';
import { EventDrawer } from '../components/EventDrawer';
import { checkPayload, EVENT_FORMS } from '../eventForms';

type CaseView = components['schemas']['CaseViewDto'];

const view = { id: '6f1c2b4e-0000-4000-8000-000000000001', version: 4 } as CaseView;

const renderDrawer = (type: 'RETURN_PLAN' | 'APPROVE_PLAN') =>
  render(
    <QueryClientProvider client={new QueryClient()}>
      <I18nProvider>
        <EventDrawer view={view} type={type} onClose={() => undefined} />
      </I18nProvider>
    </QueryClientProvider>,
  );

describe('an event’s form', () => {
  const sent = jest.fn();
  beforeEach(() => {
    sent.mockReset();
    globalThis.fetch = sent;
  });

  it('refuses what the API’s DTO refuses: a reason of blanks, a text over its limit', () => {
    const fields = EVENT_FORMS.RETURN_PLAN ?? [];
    expect(checkPayload(fields, { reason: '   ' })).toEqual([{ field: 'reason', problem: 'required' }]);
    expect(checkPayload(fields, { reason: 'x'.repeat(10_001) })).toEqual([{ field: 'reason', problem: 'tooLong' }]);
    expect(checkPayload(fields, { reason: 'Kế hoạch chưa có mục tiêu đo được.' })).toEqual([]);
    // An approval's comment may stay empty.
    expect(checkPayload(EVENT_FORMS.APPROVE_PLAN ?? [], {})).toEqual([]);
  });

  it('says what is missing under the field and sends nothing', async () => {
    renderDrawer('RETURN_PLAN');
    expect(screen.getByText('Trả lại kế hoạch')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Lý do'), { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi' }));
    await waitFor(() => expect(screen.getByText('Vui lòng nhập thông tin này')).toBeTruthy());
    expect(sent).not.toHaveBeenCalled();
  });
});
