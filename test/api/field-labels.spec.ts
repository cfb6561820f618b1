import { openCase } from '../support/case-helpers';
import { auth, World } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

type Problem = { field: string; label: string; problems: string[] };

// Issue 13, point 14: a refusal names each field in Vietnamese (its label) next to the machine path, and says
// each problem in Vietnamese, then English.
describe('validation answers in Vietnamese and English', () => {
  let t: TestApp;
  let w: World;
  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });

  const details = (body: { details?: Problem[] }) => Object.fromEntries((body.details ?? []).map((d) => [d.field, d]));
  const BILINGUAL = /^[^/]+ \/ [^/]+$/;

  it('a learner refused: each field with its Vietnamese label and a Vietnamese / English sentence from the constraint', async () => {
    const res = await t
      .http()
      .post('/api/learners')
      .set(auth(w.users.counsellorA))
      .send({
        schoolId: 'not-a-uuid',
        fullName: 42,
        dateOfBirth: '2013-07-07',
        sex: 'x',
        className: '7'.repeat(51),
        guardians: [{ fullName: ' ', relationship: 'mẹ' }],
        nickname: 'Tí',
      })
      .expect(400);
    const by = details(res.body);
    expect(Object.keys(by).sort()).toEqual([
      'className',
      'fullName',
      'guardians[0].fullName',
      'nickname',
      'schoolId',
      'sex',
    ]);
    expect(by.fullName).toMatchObject({
      label: 'Họ và tên',
      problems: expect.arrayContaining([
        expect.stringMatching(/^Họ và tên phải là văn bản \/ fullName must be a string$/),
      ]),
    });
    expect(by.className).toMatchObject({
      label: 'Lớp',
      problems: [expect.stringMatching(/^Lớp không được dài quá 50 ký tự \/ .*50/)],
    });
    expect(by.sex).toMatchObject({
      label: 'Giới tính',
      problems: [expect.stringMatching(/^Giới tính phải là một trong các giá trị: nam, nu, khong_ro \/ /)],
    });
    expect(by.schoolId).toMatchObject({
      label: 'Trường',
      problems: [expect.stringMatching(/^Trường phải là mã định danh \(UUID\) \/ schoolId must be a UUID$/)],
    });
    expect(by['guardians[0].fullName']).toMatchObject({
      label: 'Họ và tên người giám hộ',
      problems: [expect.stringMatching(/^Họ và tên người giám hộ không được để trống \/ /)],
    });
    expect(by.nickname).toEqual({
      field: 'nickname',
      label: 'nickname',
      problems: ['Trường dữ liệu không được phép: nickname / unknown field: nickname'],
    });
    for (const d of res.body.details as Problem[]) for (const p of d.problems) expect(p).toMatch(BILINGUAL);
  });

  it('an event payload: labels for payload.* paths, numbers and sizes in the sentence', async () => {
    const c = await openCase(t, w);
    const res = await t
      .http()
      .post(`/api/cases/${c.id}/events`)
      .set(auth(w.users.counsellorA))
      .send({
        type: 'SUBMIT_PLAN',
        payload: { goals: [], responsible: 'Cô Hoa', reviewDate: 'soon', extra: 1 },
        expectedVersion: c.version,
      })
      .expect(400);
    const by = details(res.body);
    expect(by['payload.goals']).toMatchObject({
      label: 'Mục tiêu',
      problems: [expect.stringMatching(/^Mục tiêu phải có ít nhất 1 mục \/ /)],
    });
    expect(by['payload.reviewDate']).toMatchObject({
      label: 'Ngày đánh giá lại',
      problems: expect.arrayContaining([expect.stringMatching(/^Ngày đánh giá lại phải là ngày/)]),
    });
    expect(by['payload.extra']).toMatchObject({
      label: 'extra',
      problems: ['Trường dữ liệu không được phép: extra / unknown field: extra'],
    });
    const minutes = await t
      .http()
      .get('/api/cases')
      .query({ pageSize: 101 })
      .set(auth(w.users.counsellorA))
      .expect(400);
    expect(details(minutes.body).pageSize).toMatchObject({
      label: 'Số mục mỗi trang',
      problems: [expect.stringMatching(/^Số mục mỗi trang không được lớn hơn 100 \/ /)],
    });
  });

  it('a message already bilingual stays as written, with the label added', async () => {
    const res = await t
      .http()
      .put('/api/admin/calendar/2027')
      .set(auth(w.users.adminW))
      .send({
        entries: [
          { date: '2027-02-30', kind: 'nghi', name: 'Tết', decisionNumber: '1/QĐ', decisionDate: '2026-11-05' },
        ],
      })
      .expect(400);
    const by = details(res.body);
    expect(by['entries[0].kind']).toEqual({
      field: 'entries[0].kind',
      label: 'Loại ngày',
      problems: ['kind: phải là day_off hoặc working_day / must be day_off or working_day'],
    });
  });

  it('serves the dictionary to the web app without a login', async () => {
    const res = await t.http().get('/api/labels').expect(200);
    expect(res.body.fullName).toEqual({ vi: 'Họ và tên', en: 'Full name' });
    expect(res.body['learner.fullName']).toEqual({ vi: 'Họ và tên người học', en: 'Learner’s full name' });
    expect(res.body['payload.goals']).toBeUndefined();
    expect(res.body.goals).toEqual({ vi: 'Mục tiêu', en: 'Goals' });
  });
});
