import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import type { ReactNode } from 'react';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { I18nProvider } from '../../i18n/I18nProvider';
import { RecordRequestDrawer } from '../components/RecordRequestDrawer';
import { RequestActions } from '../components/RequestActions';

type DataRequest = components['schemas']['DataRequestViewDto'];

const request: DataRequest = {
  id: '6f1c2b4e-0000-4000-8000-0000000000d1',
  schoolId: '6f1c2b4e-0000-4000-8000-0000000000a1',
  learnerId: '6f1c2b4e-0000-4000-8000-0000000000b1',
  learnerName: 'Nguyễn Văn Đức',
  kind: 'erase',
  requestedBy: 'Trần Thị Hoa',
  relationship: 'mẹ',
  details: null,
  receivedAt: '2026-03-02T01:00:00.000Z',
  dueAt: '2026-03-05T10:00:00.000Z',
  remainingWorkingMs: 3_600_000,
  status: 'open',
  answeredAt: null,
  outcome: null,
};

const shell = (children: ReactNode) =>
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <I18nProvider>
        <App>{children}</App>
      </I18nProvider>
    </QueryClientProvider>,
  );
const helpOf = (field: string) => document.getElementById(`${field}_help`)?.textContent ?? '';

describe('the personal data requests page', () => {
  let post: jest.SpyInstance;
  beforeEach(() => {
    globalThis.fetch = jest.fn().mockRejectedValue(new Error('offline'));
    post = jest.spyOn(api, 'POST');
  });
  afterEach(() => post.mockRestore());

  it('records nothing without a learner, a requester or a relationship, each said under its input', async () => {
    shell(<RecordRequestDrawer schoolId={request.schoolId} onClose={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Người yêu cầu'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ghi nhận yêu cầu' }));
    await waitFor(() => expect(helpOf('requestedBy')).toContain('Vui lòng nhập thông tin này'));
    expect(helpOf('learnerId')).toContain('Vui lòng nhập thông tin này');
    expect(helpOf('relationship')).toContain('Vui lòng nhập thông tin này');
    expect(post).not.toHaveBeenCalled();
  });

  it('offers a supervisor to carry out an erasure, and says case by case why it was refused', async () => {
    post.mockResolvedValue({
      data: {
        ...request,
        status: 'refused',
        outcome: {
          refusals: [
            { caseId: 'c1', code: 'DD-2026-0001', reason: 'case_open' },
            { caseId: 'c2', code: 'DD-2025-0007', reason: 'retention_not_over', dueAt: '2031-06-01T00:00:00.000Z' },
          ],
        },
      },
    });
    const refresh = jest.fn().mockResolvedValue(undefined);
    const Actions = () => (
      <RequestActions request={request} mayAnswer app={App.useApp()} onRectify={() => undefined} refresh={refresh} />
    );
    shell(<Actions />);
    expect(screen.queryByRole('button', { name: 'Tải thư trả lời' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Thực hiện' }));
    await screen.findByRole('dialog', { name: 'Thực hiện yêu cầu “Xóa dữ liệu” đối với dữ liệu của Nguyễn Văn Đức?' });
    expect(screen.getByText(/họ tên và thông tin gia đình của học sinh cũng bị xóa/)).toBeTruthy();
    expect(post).not.toHaveBeenCalled();
    const confirm = screen.getAllByRole('button', { name: 'Thực hiện' }).at(-1) as HTMLElement;
    fireEvent.click(confirm);
    await screen.findByRole('dialog', { name: 'Yêu cầu bị từ chối' });
    expect(screen.getByText('Hồ sơ DD-2026-0001 đang được hỗ trợ, chưa kết thúc.')).toBeTruthy();
    expect(screen.getByText('Hồ sơ DD-2025-0007 phải lưu giữ đến ngày 01/06/2031.')).toBeTruthy();
    expect(post.mock.calls[0][0]).toBe('/api/privacy/requests/{id}/carry-out');
    expect(refresh).toHaveBeenCalled();
  });

  it('offers a principal no answer, only the letter once answered', () => {
    const Actions = ({ r }: { r: DataRequest }) => (
      <RequestActions
        request={r}
        mayAnswer={false}
        app={App.useApp()}
        onRectify={() => undefined}
        refresh={jest.fn()}
      />
    );
    shell(
      <>
        <Actions r={{ ...request, kind: 'access' }} />
        <Actions r={{ ...request, id: 'x', status: 'done', answeredAt: '2026-03-03T02:00:00.000Z' }} />
      </>,
    );
    expect(screen.queryByRole('button', { name: /Tải dữ liệu|Thực hiện|Chỉnh sửa/ })).toBeNull();
    expect(screen.getAllByRole('button', { name: 'Tải thư trả lời' })).toHaveLength(1);
  });
});
