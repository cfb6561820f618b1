import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { I18nProvider } from '../../i18n/I18nProvider';
import { RectifyDrawer } from '../components/RectifyDrawer';

type DataRequest = components['schemas']['DataRequestViewDto'];

const learnerId = '6f1c2b4e-0000-4000-8000-0000000000b1';
const request = {
  id: '6f1c2b4e-0000-4000-8000-0000000000d2',
  learnerId,
  learnerName: 'Nguyễn Văn Đức',
  kind: 'rectify',
  status: 'open',
} as DataRequest;
const theirs = { id: '6f1c2b4e-0000-4000-8000-0000000000c1', code: 'DD-2026-0001', learnerId };
const another = { id: '6f1c2b4e-0000-4000-8000-0000000000c2', code: 'DD-2026-0002', learnerId: 'someone-else' };

const pick = async (label: string, option: string) => {
  fireEvent.mouseDown(screen.getByLabelText(label));
  fireEvent.click(await screen.findByTitle(option));
};
const helpOf = (field: string) => document.getElementById(`${field}_help`)?.textContent ?? '';

describe('correcting a learner’s data at their request', () => {
  let get: jest.SpyInstance;
  let post: jest.SpyInstance;
  beforeEach(() => {
    get = jest.spyOn(api, 'GET');
    get.mockResolvedValue({ data: { items: [theirs, another] } });
    post = jest.spyOn(api, 'POST');
    post.mockResolvedValue({ data: request });
  });
  afterEach(() => {
    get.mockRestore();
    post.mockRestore();
  });

  it('asks which of the learner’s own cases a case’s text is in, and sends the case with the new value', async () => {
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <I18nProvider>
          <RectifyDrawer request={request} onClose={() => undefined} />
        </I18nProvider>
      </QueryClientProvider>,
    );
    await pick('Nội dung cần sửa', 'Hoàn cảnh gia đình (hồ sơ)');
    await screen.findByLabelText('Hồ sơ');
    fireEvent.change(screen.getByLabelText('Giá trị mới'), { target: { value: 'Em sống với mẹ và bà ngoại.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu chỉnh sửa' }));
    await waitFor(() => expect(helpOf('caseId')).toContain('Vui lòng nhập thông tin này'));
    expect(post).not.toHaveBeenCalled();

    fireEvent.mouseDown(screen.getByLabelText('Hồ sơ'));
    await screen.findByTitle(theirs.code);
    expect(screen.queryByTitle(another.code)).toBeNull();
    fireEvent.click(screen.getByTitle(theirs.code));
    fireEvent.click(screen.getByRole('button', { name: 'Lưu chỉnh sửa' }));
    await waitFor(() => expect(post).toHaveBeenCalledTimes(1));
    expect(post.mock.calls[0][1]).toEqual({
      params: { path: { id: request.id } },
      body: { field: 'familyCircumstances', caseId: theirs.id, value: 'Em sống với mẹ và bà ngoại.' },
    });
  });
});
