import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { components } from '../../api/openapiTypes';
import { I18nProvider } from '../../i18n/I18nProvider';
import { api } from '../../api/apiClient';
import { EventDrawer } from '../components/EventDrawer';
import dayjs from 'dayjs';
import { dictionaryEn } from '../../i18n/dictionaryEn';
import { dictionaryVi } from '../../i18n/dictionaryVi';
import { actionsOf, checkPayload, EVENT_FORMS, payloadOf } from '../eventForms';

type CaseView = components['schemas']['CaseViewDto'];

const view = { id: '6f1c2b4e-0000-4000-8000-000000000001', version: 4 } as CaseView;

const renderDrawer = (type: 'RETURN_PLAN' | 'APPROVE_PLAN' | 'ADD_NOTE', client = new QueryClient(), shown = view) =>
  render(
    <QueryClientProvider client={client}>
      <I18nProvider>
        <EventDrawer view={shown} type={type} onClose={() => undefined} />
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

  it('sends a plan’s lists as their lines and its days as the API writes them, and refuses a moment to come', () => {
    const plan = EVENT_FORMS.SUBMIT_PLAN ?? [];
    const values = {
      goals: 'Em đi học đều\n\n  Em tự tin phát biểu  ',
      responsible: 'Cô Lan',
      reviewDate: dayjs('2026-03-20'),
    };
    expect(checkPayload(plan, values)).toEqual([]);
    expect(payloadOf(plan, values)).toEqual({
      goals: ['Em đi học đều', 'Em tự tin phát biểu'],
      responsible: 'Cô Lan',
      reviewDate: '2026-03-20',
    });
    expect(checkPayload(plan, { ...values, goals: ' \n ' })).toEqual([{ field: 'goals', problem: 'required' }]);
    expect(checkPayload(plan, { ...values, goals: 'x\n'.repeat(51) })).toEqual([
      { field: 'goals', problem: 'tooMany' },
    ]);
    const answer = EVENT_FORMS.REFERRAL_COMPLETED ?? [];
    const now = dayjs('2026-03-02T09:00:00+07:00');
    expect(checkPayload(answer, { feedback: 'Em đã được khám.', completedAt: now.add(1, 'hour') }, now)).toEqual([
      { field: 'completedAt', problem: 'future' },
    ]);
  });

  it('offers the step that moves the case on first, a note or a risk update after it', () => {
    expect(actionsOf(['ADD_NOTE', 'CLOSE_AT_INTAKE', 'COMPLETE_ASSESSMENT', 'UPDATE_RISK'])[0]).toBe(
      'COMPLETE_ASSESSMENT',
    );
  });

  it('sends a protection concern’s yes or no as the boolean the API takes', () => {
    const concern = EVENT_FORMS.RAISE_PROTECTION_CONCERN ?? [];
    const values = { kind: 'neglect', facts: 'Em thường xuyên nhịn đói đến trường.', carerSuspected: 'no' };
    expect(checkPayload(concern, values)).toEqual([]);
    expect(payloadOf(concern, values)).toEqual({ ...values, carerSuspected: false });
    expect(checkPayload(concern, { ...values, carerSuspected: undefined })).toEqual([
      { field: 'carerSuspected', problem: 'required' },
    ]);
  });

  it('names every field of every form in both languages', () => {
    const labels = Object.values(EVENT_FORMS).flatMap((fields) => (fields ?? []).map((f) => f.label));
    expect(labels.filter((l) => !dictionaryVi[l] || !dictionaryEn[l])).toEqual([]);
  });

  it('says what is missing under the field and sends nothing', async () => {
    renderDrawer('RETURN_PLAN');
    expect(screen.getByText('Trả lại kế hoạch')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Lý do'), { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi' }));
    await waitFor(() => expect(screen.getByText('Vui lòng nhập thông tin này')).toBeTruthy());
    expect(sent).not.toHaveBeenCalled();
  });

  it('answers a stale version with what the other person changed, and keeps the typed note', async () => {
    const seen = {
      ...view,
      state: 'intake',
      riskLevel: 'medium',
      assigneeName: 'Người dùng A',
      areas: [{ code: 'hoc_tap', priority: 1 }],
      summary: 'Em hay vắng học.',
      masked: [],
    } as unknown as CaseView;
    const reloaded = { ...seen, version: 5, state: 'assessment', riskLevel: 'high' } as CaseView;
    const client = new QueryClient();
    // What the case page's own query holds once the 409 has made it reload.
    client.setQueryData(['case', view.id], reloaded);
    // jsdom has no fetch Response: the client's answer itself stands in for the API's 409.
    const post = jest.spyOn(api, 'POST').mockResolvedValue({
      error: {
        statusCode: 409,
        error: 'Conflict',
        code: 'STALE_VERSION',
        message: 'Hồ sơ vừa được người khác cập nhật.',
        messageEn: 'The case was changed by someone else.',
      },
    });
    renderDrawer('ADD_NOTE', client, seen);
    fireEvent.change(screen.getByLabelText('Ghi chú'), { target: { value: 'Gặp lại em thứ Sáu.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi' }));
    const warning = await screen.findByRole('alert');
    await waitFor(() => expect(warning.querySelectorAll('li').length).toBeGreaterThan(0));
    const items = [...warning.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual(['Giai đoạn: Tiếp nhận → Đánh giá', 'Mức nguy cơ: Trung bình → Cao']);
    expect(screen.getByLabelText<HTMLTextAreaElement>('Ghi chú').value).toBe('Gặp lại em thứ Sáu.');
    post.mockRestore();
  });
});
