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

const renderEmptyListAs = (roles: SessionUser['roles']) => {
  sessionStore.start({ token: 't', user: person(roles) });
  jest.spyOn(api, 'GET').mockResolvedValue({ data: { items: [], total: 0, page: 1, pageSize: 20 } } as never);
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

describe('the case list when empty', () => {
  afterEach(() => {
    cleanup();
    jest.restoreAllMocks();
    sessionStore.end();
  });

  it('tells a counsellor to open a case', async () => {
    renderEmptyListAs(['counsellor']);
    expect(await screen.findByText(/^Chưa có hồ sơ nào\. Chọn “Tạo hồ sơ mới”/)).toBeTruthy();
  });

  it('tells an inspector, who opens none, where cases come from', async () => {
    renderEmptyListAs(['auditor']);
    const text = await screen.findByText(/^Chưa có hồ sơ nào trong phạm vi được xem/);
    expect(text.textContent).toContain('được cấp quyền thanh tra');
    expect(screen.queryByText(/Tạo hồ sơ mới/)).toBeNull();
  });
});
