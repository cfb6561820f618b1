import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { api } from '../../api/apiClient';
import { I18nProvider } from '../../i18n/I18nProvider';
import { type Activity, ActivityDrawer } from '../activities/ActivityDrawer';
import { type TeamMember, TeamDrawer } from '../team/TeamDrawer';
import { type Training, TrainingDrawer } from '../training/TrainingDrawer';

const where = { schoolId: '6f1c2b4e-0000-4000-8000-0000000000a1', schoolYear: '2026-2027' };
const stored = { id: '6f1c2b4e-0000-4000-8000-0000000000c1', ...where, updatedAt: '2026-10-01T01:00:00.000Z' };
const activity: Activity = {
  ...stored,
  date: '2026-10-12',
  kind: 'chuyen_de',
  name: 'Chuyên đề phòng chống bắt nạt',
  areas: ['tam_ly'],
  grades: [7],
  parents: false,
  teachers: false,
  participants: 120,
  girls: 60,
  partners: null,
  note: null,
};
const member: TeamMember = {
  ...stored,
  fullName: 'Trần Thị Hoa',
  userId: null,
  teamRole: 'to_truong',
  employment: 'kiem_nhiem',
  job: 'lanh_dao_truong',
  fromDate: '2026-10-01',
  toDate: null,
};
const course: Training = {
  ...stored,
  fullName: 'Nguyễn Thị Lan',
  userId: null,
  course: 'Kỹ năng tư vấn',
  organiser: 'Sở Giáo dục và Đào tạo',
  durationHours: 8,
  fromDate: '2026-11-03',
  toDate: null,
  certificate: true,
};

const shell = (drawer: ReactNode) =>
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <I18nProvider>{drawer}</I18nProvider>
    </QueryClientProvider>,
  );
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
const helpOf = (field: string) => document.getElementById(`${field}_help`)?.textContent ?? '';

describe('the forms of a school’s records check what the API checks before sending', () => {
  let put: jest.SpyInstance;
  beforeEach(() => {
    // jsdom has no fetch: the staff list the account select asks for simply fails.
    globalThis.fetch = jest.fn().mockRejectedValue(new Error('offline'));
    put = jest.spyOn(api, 'PUT');
  });
  afterEach(() => put.mockRestore());

  it('an activity: more girls than participants is refused under the girls’ input', async () => {
    shell(<ActivityDrawer where={where} row={activity} onClose={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Số người tham gia'), { target: { value: '10' } });
    fireEvent.change(screen.getByLabelText('Trong đó nữ'), { target: { value: '11' } });
    save();
    await waitFor(() => expect(helpOf('girls')).toContain('Số nữ không được lớn hơn số người tham gia.'));
    expect(put).not.toHaveBeenCalled();
  });

  it('an activity: no audience at all is refused under the grades', async () => {
    shell(<ActivityDrawer where={where} row={{ ...activity, grades: [] }} onClose={() => undefined} />);
    save();
    await waitFor(() => expect(helpOf('grades')).toContain('Cần chọn ít nhất một đối tượng'));
    expect(put).not.toHaveBeenCalled();
    // Parents ticked: the audience is enough, and the form goes.
    put.mockResolvedValue({ data: activity });
    fireEvent.click(screen.getByLabelText('Cha mẹ học sinh'));
    save();
    await waitFor(() => expect(put).toHaveBeenCalledTimes(1));
    expect(put.mock.calls[0][1]).toMatchObject({ body: { grades: [], parents: true, teachers: false } });
  });

  it('a team member: a start outside the school year and an end before the start are refused', async () => {
    shell(
      <TeamDrawer
        where={where}
        row={{ ...member, fromDate: '2026-09-04', toDate: '2026-09-01' }}
        onClose={() => undefined}
      />,
    );
    save();
    await waitFor(() =>
      expect(helpOf('fromDate')).toContain('Ngày phải nằm trong năm học 2026-2027, từ 05/09/2026 đến 04/09/2027.'),
    );
    expect(helpOf('toDate')).toContain('Ngày kết thúc không được trước ngày bắt đầu.');
    expect(put).not.toHaveBeenCalled();
  });

  it('a course: the API’s refusal of a field lands under its input', async () => {
    put.mockResolvedValue({
      error: {
        statusCode: 400,
        error: 'Bad Request',
        code: 'VALIDATION_FAILED',
        message: 'Dữ liệu không hợp lệ.',
        messageEn: 'The data is not valid.',
        details: [{ field: 'userId', problems: ['Tài khoản không thuộc trường này / userId must be …'] }],
      },
    });
    shell(<TrainingDrawer where={where} row={course} onClose={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Số giờ'), { target: { value: '0' } });
    save();
    await waitFor(() => expect(helpOf('durationHours')).toContain('Số giờ phải lớn hơn 0'));
    expect(put).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Số giờ'), { target: { value: '12.5' } });
    save();
    await waitFor(() => expect(helpOf('userId')).toContain('Tài khoản không thuộc trường này'));
    expect(put.mock.calls[0][1]).toMatchObject({ body: { durationHours: 12.5, toDate: null, certificate: true } });
  });
});
