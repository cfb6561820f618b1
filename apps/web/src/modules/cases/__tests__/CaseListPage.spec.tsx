import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { api } from '../../api/apiClient';
import { I18nProvider } from '../../i18n/I18nProvider';
import { sessionStore, type SessionUser } from '../../session/sessionStore';
import { CaseListPage } from '../components/CaseListPage';

const person = (roles: SessionUser['roles']): SessionUser => ({
  id: '00000000-0000-4000-8000-000000000001',
  username: 'someone',
  fullName: 'Nguyễn Thị Thu',
  roles,
  schoolIds: ['00000000-0000-4000-8000-000000000002'],
  wardId: null,
});

const renderListAs = (roles: SessionUser['roles'], total = 0) => {
  sessionStore.start({ token: 't', user: person(roles) });
  jest
    .spyOn(api, 'GET')
    .mockResolvedValue({ data: { items: [], total, page: 1, pageSize: 20, nextCursor: null } } as never);
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter>
        <I18nProvider>
          <CaseListPage />
        </I18nProvider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
};

describe('the case list', () => {
  afterEach(() => {
    cleanup();
    jest.restoreAllMocks();
    sessionStore.end();
  });

  it('tells a counsellor to open a case', async () => {
    renderListAs(['counsellor']);
    expect(await screen.findByText(/^Chưa có hồ sơ nào\. Chọn “Tạo hồ sơ mới”/)).toBeTruthy();
  });

  it('tells an inspector, who opens none, where cases come from', async () => {
    renderListAs(['auditor']);
    const text = await screen.findByText(/^Chưa có hồ sơ nào trong phạm vi được xem/);
    expect(text.textContent).toContain('được cấp quyền thanh tra');
    expect(screen.queryByText(/Tạo hồ sơ mới/)).toBeNull();
  });

  it('offers no page past the 10,000 cases the API pages by number, and says so', async () => {
    renderListAs(['supervisor'], 12_345);
    expect(
      await screen.findByText(/^Bảng chỉ hiện 10000 hồ sơ cập nhật gần nhất trong tổng số 12345 hồ sơ/),
    ).toBeTruthy();
    expect(screen.getByTitle('500')).toBeTruthy();
    expect(screen.queryByTitle('501')).toBeNull();
  });
});
