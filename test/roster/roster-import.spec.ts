import { Client } from 'pg';
import { FieldCipher } from '@dh/crypto';
import { Guardian, RosterImportService } from '@dh/learners';
import { auth, buildWorld, Login, World } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { learnerAt, rosterXlsx, rowOf } from '../../bench/roster-sample';

type View = {
  id: string;
  status: string;
  headerRow: number;
  mapping: Record<string, string>;
  rowsRead: number;
  rowsTaken: number;
  rowsRefused: number;
  rowsDoubtful: number;
  learnersAdded: number;
  learnersUpdated: number;
  learnersLeft: number;
  planned: { add: number; update: number; doubtful: number; refused: number; left: number };
  preview: { row: number; fullName: string; action: string }[];
  refused: { row: number; problems: { field: string; code: string; message: string }[] }[];
};
type Problem = { field: string; problems: string[] };

const COUNT = 1200;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// The few rows a school's export gets wrong, each with the reason it is refused. Rows of the sheet: title, school,
// blank, header (4), then the learners from row 5.
const badRows = (n0: number) => [
  [n0, '', '14/05/2013', 'Nam', '6A1', '', 'Lê Văn Cha', '0912345678'],
  [n0 + 1, 'Trần Thị Ngày Sai', '31/02/2013', 'Nữ', '6A1', '', '', ''],
  [n0 + 2, 'Phạm Văn Quá Tuổi', '14/05/1990', 'Nam', '6A1', '', '', ''],
  [n0 + 3, 'Đỗ Thị Giới Tính', '14/05/2013', 'X', '6A2', '', '', ''],
  // The first learner's ID again.
  [n0 + 4, 'Nguyễn Văn An', '01/01/2011', 'Nữ', '6A1', '001000000000', '', ''],
];

describe('roster import: a school’s Excel or CSV export becomes its learners, again and again', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;
  const upload = (by: Login, school: string, content: Buffer, name: string) =>
    t
      .http()
      .post(`/api/schools/${school}/roster-imports`)
      .set(auth(by))
      .attach('file', content, { filename: name, contentType: name.endsWith('.csv') ? 'text/csv' : XLSX });
  const confirm = (by: Login, school: string, id: string, body: Record<string, unknown>) =>
    t.http().post(`/api/schools/${school}/roster-imports/${id}/confirm`).set(auth(by)).send(body);
  const finished = async (by: Login, school: string, id: string): Promise<View> => {
    await t.app.get(RosterImportService).settled(id);
    return (await t.http().get(`/api/schools/${school}/roster-imports/${id}`).set(auth(by)).expect(200)).body as View;
  };
  const learners = async (school: string) =>
    (
      await pg.query(
        `SELECT id, full_name, class_name, guardians, national_code, national_code_digest, left_at FROM learner
          WHERE school_id = $1 ORDER BY full_name`,
        [school],
      )
    ).rows as {
      id: string;
      full_name: string;
      class_name: string;
      guardians: string;
      national_code: string | null;
      national_code_digest: string | null;
      left_at: Date | null;
    }[];

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t.app);
    pg = new Client({ connectionString: t.db.url });
    await pg.connect();
  });
  afterAll(async () => {
    await pg?.end();
    await t?.close();
  });

  it('refuses bad input with the field and the reason, changing nothing; a counsellor is refused the route', async () => {
    const file = await rosterXlsx([rowOf(learnerAt(0), 1)]);
    await upload(w.users.counsellorA, w.schoolA, file, 'ds.xlsx').expect(403);
    await upload(w.users.supervisorB, w.schoolA, file, 'ds.xlsx').expect(404);
    const unknown = await upload(w.users.adminW, '00000000-0000-4000-8000-000000000000', file, 'ds.xlsx').expect(400);
    expect((unknown.body.details as Problem[]).map((d) => d.field)).toEqual(['schoolId']);
    const pdf = await upload(w.users.supervisorA, w.schoolA, Buffer.from('%PDF-1.7\n'), 'ds.pdf').expect(400);
    expect(pdf.body.details).toEqual([
      expect.objectContaining({ field: 'file', problems: [expect.stringMatching(/\.xlsx.*\.csv/)] }),
    ]);
    // An .xlsx that is not one.
    await upload(w.users.supervisorA, w.schoolA, Buffer.from('Họ và tên,Lớp\n'), 'ds.xlsx').expect(400);
    // Past ROSTER_IMPORT_MAX_BYTES (10 MiB): refused while it streams in.
    await upload(w.users.supervisorA, w.schoolA, Buffer.alloc(10 * 1024 * 1024 + 1, 'a'), 'ds.csv').expect(413);
    const noHeader = await upload(w.users.supervisorA, w.schoolA, Buffer.from('a,b\n1,2\n'), 'ds.csv').expect(400);
    expect(noHeader.body.details[0].field).toBe('file');

    const view = (await upload(w.users.principalA, w.schoolA, file, 'ds.xlsx').expect(201)).body as View;
    const { fullName: _name, ...withoutName } = view.mapping;
    const refused = await confirm(w.users.principalA, w.schoolA, view.id, { mapping: withoutName }).expect(400);
    expect(refused.body.details).toEqual([
      expect.objectContaining({ field: 'mapping.fullName', problems: [expect.stringMatching(/Họ và tên/)] }),
    ]);
    const unknownColumn = await confirm(w.users.principalA, w.schoolA, view.id, {
      mapping: { ...view.mapping, sex: 'Phái' },
    }).expect(400);
    expect(unknownColumn.body.details[0].field).toBe('mapping.sex');
    await confirm(w.users.counsellorA, w.schoolA, view.id, { mapping: view.mapping }).expect(403);
    expect((await learners(w.schoolA)).length).toBe(0);
    expect((await finished(w.users.principalA, w.schoolA, view.id)).status).toBe('preview');
  });

  it('is open to the school’s supervisors and principal and to the admin; to no other role, nor another school', async () => {
    const file = await rosterXlsx([rowOf(learnerAt(0), 1)]);
    const expected: [keyof World['users'], number][] = [
      ['counsellorA', 403],
      ['supervisorA', 201],
      ['principalA', 201],
      ['auditorA', 403],
      ['wardW', 403],
      ['adminW', 201],
      ['supervisorB', 404],
      ['principalB', 404],
    ];
    const seen: [string, number][] = [];
    for (const [who] of expected) seen.push([who, (await upload(w.users[who], w.schoolA, file, 'ds.xlsx')).status]);
    expect(seen).toEqual(expected);
  });

  it('imports 1,200 learners from an .xlsx with a title, blank lines and bad rows; a re-import updates and marks who left', async () => {
    const rows = Array.from({ length: COUNT }, (_, i) => rowOf(learnerAt(i), i + 1));
    const file = await rosterXlsx([...rows.slice(0, 600), [], ...rows.slice(600), ...badRows(COUNT + 1)]);
    const up = await upload(w.users.supervisorA, w.schoolA, file, 'Danh sách học sinh 2025.xlsx').expect(201);
    const preview = up.body as View;
    expect(preview).toMatchObject({
      status: 'preview',
      headerRow: 4,
      mapping: {
        fullName: 'Họ và tên',
        dateOfBirth: 'Ngày sinh',
        sex: 'Giới tính',
        className: 'Lớp',
        nationalId: 'Mã định danh',
        guardianName: 'Họ tên cha/mẹ',
        guardianPhone: 'Số điện thoại',
      },
      planned: { add: COUNT, update: 0, doubtful: 0, refused: 5, left: 0 },
    });
    expect(preview.preview[0]).toMatchObject({ row: 5, fullName: learnerAt(0).fullName, action: 'add' });
    // Data rows start at sheet row 5; one blank line after the first 600; then the bad ones.
    const firstBad = 5 + COUNT + 1;
    expect(preview.refused.map((r) => [r.row, r.problems.map((p) => `${p.field}:${p.code}`)])).toEqual([
      [firstBad, ['fullName:no_name']],
      [firstBad + 1, ['dateOfBirth:bad_birth_date']],
      [firstBad + 2, ['dateOfBirth:implausible_birth_date']],
      [firstBad + 3, ['sex:unknown_sex']],
      [firstBad + 4, ['nationalId:duplicate_in_file']],
    ]);
    expect(preview.refused[4].problems[0].message).toBe('Trùng với dòng 5 của tệp');

    const started = (
      await confirm(w.users.supervisorA, w.schoolA, preview.id, { mapping: preview.mapping }).expect(202)
    ).body as View;
    expect(started.status).toBe('running');
    const done = await finished(w.users.supervisorA, w.schoolA, preview.id);
    expect(done).toMatchObject({
      status: 'done',
      rowsRead: COUNT + 5,
      rowsTaken: COUNT,
      rowsRefused: 5,
      rowsDoubtful: 0,
      learnersAdded: COUNT,
      learnersUpdated: 0,
      learnersLeft: 0,
    });
    expect(done.refused).toHaveLength(5);
    const first = await learners(w.schoolA);
    expect(first).toHaveLength(COUNT);
    // The national ID is sealed, its digest alone in the clear; a learner without one has neither.
    expect(first.filter((l) => l.national_code !== null)).toHaveLength(COUNT - COUNT / 10);
    expect(first.every((l) => l.national_code === null || l.national_code.startsWith('dh1:'))).toBe(true);
    expect(JSON.stringify(first)).not.toContain('001000000000');

    // The next year's file: the first learner changed class, the second has a new parent, the third (and the
    // tenth, who has no ID) left, the tenth's look-alike row updated, one new pupil.
    const cipher = t.app.get(FieldCipher);
    const next = Array.from({ length: COUNT }, (_, i) => learnerAt(i));
    next[0] = { ...next[0], className: '7A3' };
    next[1] = { ...next[1], guardianName: 'Bà Ngoại Mới', phone: '0987654321' };
    next[19] = { ...next[19], className: '9A9' };
    const kept = next.filter((_, i) => i !== 2 && i !== 9);
    const again = await rosterXlsx([...kept.map((l, i) => rowOf(l, i + 1)), rowOf(learnerAt(COUNT), COUNT)]);
    const second = (await upload(w.users.adminW, w.schoolA, again, 'Danh sách 2026.xlsx').expect(201)).body as View;
    // The school's confirmed mapping is proposed again.
    expect(second.mapping).toEqual(preview.mapping);
    expect(second.planned).toEqual({ add: 1, update: COUNT - 2, doubtful: 0, refused: 0, left: 2 });
    // The whole school's file, said so: those it does not list have left.
    await confirm(w.users.adminW, w.schoolA, second.id, { mapping: second.mapping, fullRoster: true }).expect(202);
    expect(await finished(w.users.adminW, w.schoolA, second.id)).toMatchObject({
      status: 'done',
      rowsRead: COUNT - 1,
      rowsTaken: COUNT - 1,
      learnersAdded: 1,
      learnersUpdated: COUNT - 2,
      learnersLeft: 2,
    });
    const after = await learners(w.schoolA);
    expect(after).toHaveLength(COUNT + 1);
    const byName = (n: string) => after.filter((l) => l.full_name === n);
    expect(byName(learnerAt(0).fullName).map((l) => l.class_name)).toEqual(['7A3']);
    expect(byName(learnerAt(19).fullName).map((l) => l.class_name)).toEqual(['9A9']);
    expect(byName(learnerAt(2).fullName)[0].left_at).not.toBeNull();
    expect(byName(learnerAt(9).fullName)[0].left_at).not.toBeNull();
    expect(after.filter((l) => l.left_at !== null)).toHaveLength(2);
    const family = await cipher.openJson<Guardian[]>(byName(learnerAt(1).fullName)[0].guardians, 'learner.guardians');
    expect(family.map((g) => [g.fullName, g.phone])).toEqual([
      [learnerAt(1).guardianName, learnerAt(1).phone],
      ['Bà Ngoại Mới', '0987654321'],
    ]);

    // Each run is one event of the admin chain: the file, its digest, the counts, who.
    const chain = (
      await t.http().get('/api/admin/audit').query({ pageSize: 100 }).set(auth(w.users.adminW)).expect(200)
    ).body.items as { type: string; actorId: string; subjectId: string; payload: Record<string, unknown> }[];
    const imports = chain.filter((e) => e.type === 'ROSTER_IMPORTED');
    expect(imports.map((e) => [e.subjectId, e.actorId])).toEqual([
      [preview.id, w.users.supervisorA.id],
      [second.id, w.users.adminW.id],
    ]);
    expect(imports[0].payload).toMatchObject({
      schoolId: w.schoolA,
      fileName: 'Danh sách học sinh 2025.xlsx',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      rowsRead: COUNT + 5,
      rowsTaken: COUNT,
      rowsRefused: 5,
      learnersAdded: COUNT,
    });
  });

  it('leaves a row the look-alike rule cannot decide for a person, never merging it, and takes it as they say', async () => {
    // Two learners of school B with one name and birth date (told apart when they were recorded).
    const twin = {
      schoolId: w.schoolB,
      fullName: 'Lý Thị Song',
      dateOfBirth: '2014-03-03',
      sex: 'nu',
      confirmDistinct: true,
    };
    const ids: string[] = [];
    for (const className of ['4A', '4B'])
      ids.push(
        (
          await t
            .http()
            .post('/api/learners')
            .set(auth(w.users.supervisorB))
            .send({ ...twin, className })
            .expect(201)
        ).body.id as string,
      );
    const csv = 'Họ và tên,Ngày sinh,Giới tính,Lớp\nLý Thị Song,03/03/2014,Nữ,5A\n';
    const up = (await upload(w.users.supervisorB, w.schoolB, Buffer.from(csv), 'song.csv').expect(201)).body as View & {
      doubtful: { row: number; candidates: { id: string; className: string }[] }[];
    };
    expect(up.planned).toEqual({ add: 0, update: 0, doubtful: 1, refused: 0, left: 0 });
    expect(up.doubtful).toEqual([
      expect.objectContaining({
        row: 2,
        candidates: expect.arrayContaining(ids.map((id) => expect.objectContaining({ id }))),
      }),
    ]);
    // Unresolved, it is listed and changes nobody.
    const before = (await learners(w.schoolB)).map((l) => l.class_name).sort();
    const again = (await upload(w.users.supervisorB, w.schoolB, Buffer.from(csv), 'song.csv').expect(201)).body as View;
    await confirm(w.users.supervisorB, w.schoolB, again.id, { mapping: again.mapping, fullRoster: false }).expect(202);
    expect(await finished(w.users.supervisorB, w.schoolB, again.id)).toMatchObject({ rowsDoubtful: 1, rowsTaken: 0 });
    expect((await learners(w.schoolB)).map((l) => l.class_name).sort()).toEqual(before);
    // A decision the run would ignore is refused, naming it: a row not to confirm, a learner not among the
    // candidates, a row decided twice; the import waits, unchanged.
    const wrong = await confirm(w.users.supervisorB, w.schoolB, up.id, {
      mapping: up.mapping,
      resolutions: [
        { row: 3, learnerId: null },
        { row: 2, learnerId: '00000000-0000-4000-8000-000000000000' },
        { row: 2, learnerId: ids[0] },
      ],
    }).expect(400);
    expect((wrong.body.details as Problem[]).map((d) => [d.field, d.problems[0]])).toEqual([
      ['resolutions[0].row', 'Dòng 3 không cần xác nhận / row 3 is not one of the rows to confirm'],
      [
        'resolutions[1].learnerId',
        expect.stringMatching(/^Học sinh này không phải là học sinh có thể ghép với dòng 2/),
      ],
      ['resolutions[2].row', 'Dòng 2 có hai quyết định / row 2 is decided twice'],
    ]);
    expect((await finished(w.users.supervisorB, w.schoolB, up.id)).status).toBe('preview');
    // A person says which one it is.
    await confirm(w.users.supervisorB, w.schoolB, up.id, {
      mapping: up.mapping,
      fullRoster: false,
      resolutions: [{ row: 2, learnerId: ids[1] }],
    }).expect(202);
    expect(await finished(w.users.supervisorB, w.schoolB, up.id)).toMatchObject({
      learnersUpdated: 1,
      rowsDoubtful: 0,
    });
    const classes = Object.fromEntries((await learners(w.schoolB)).map((l) => [l.id, l.class_name]));
    expect([classes[ids[0]], classes[ids[1]]]).toEqual(['4A', '5A']);
  });

  it('takes a .csv too, with headers without diacritics and a semicolon; a partial roster marks nobody left', async () => {
    const csv = [
      'Ho va ten;Ngay sinh;Gioi tinh;Lop;Ma dinh danh;So dien thoai',
      'Lê Thị Cê Ét Vê;05/09/2014;nữ;6B1;0020000000001;0911111111',
      'Trần Văn Bê;2014-10-20;Nam;6B2;002000000002;',
      'Phạm Thị Thiếu Lớp;2014-10-20;Nữ;;;',
    ].join('\r\n');
    const up = (await upload(w.users.principalB, w.schoolB, Buffer.from(`\uFEFF${csv}`), 'lop6.csv').expect(201))
      .body as View;
    expect(up.mapping).toMatchObject({
      fullName: 'Ho va ten',
      nationalId: 'Ma dinh danh',
      guardianPhone: 'So dien thoai',
    });
    expect(up.refused.map((r) => r.problems.map((p) => p.code))).toEqual([['bad_national_id'], ['no_class']]);
    await confirm(w.users.principalB, w.schoolB, up.id, { mapping: up.mapping, fullRoster: false }).expect(202);
    expect(await finished(w.users.principalB, w.schoolB, up.id)).toMatchObject({
      status: 'done',
      rowsTaken: 1,
      rowsRefused: 2,
      learnersLeft: 0,
    });
    const b = (await learners(w.schoolB)).filter((l) => l.full_name !== 'Lý Thị Song');
    expect(b.map((l) => [l.full_name, l.class_name])).toEqual([['Trần Văn Bê', '6B2']]);

    // A run a stop cut short is not left "running" for ever: the next start marks it failed.
    await pg.query(`UPDATE roster_import SET status = 'running' WHERE id = $1`, [up.id]);
    await t.app.get(RosterImportService).onApplicationBootstrap();
    expect((await finished(w.users.principalB, w.schoolB, up.id)).status).toBe('failed');
  });

  it('is a partial roster unless told otherwise: a one-class file marks nobody left; a full roster, said so, does', async () => {
    const school = w.schoolB;
    const before = await learners(school);
    expect(before.filter((l) => l.left_at === null).length).toBeGreaterThan(0);
    const csv = 'Họ và tên,Ngày sinh,Giới tính,Lớp\nMai Thị Lớp Một,04/04/2014,Nữ,5C\n';
    const up = (await upload(w.users.supervisorB, school, Buffer.from(csv), 'lop5c.csv').expect(201)).body as View & {
      fullRoster: boolean;
    };
    // The preview says how many a full roster would mark as having left; the import itself is partial until told.
    const stay = before.filter((l) => l.left_at === null).length;
    expect(up).toMatchObject({ fullRoster: false, planned: { add: 1, left: stay } });
    await confirm(w.users.supervisorB, school, up.id, { mapping: up.mapping }).expect(202);
    expect(await finished(w.users.supervisorB, school, up.id)).toMatchObject({
      status: 'done',
      fullRoster: false,
      learnersAdded: 1,
      learnersLeft: 0,
    });
    const partial = await learners(school);
    expect(partial).toHaveLength(before.length + 1);
    expect(partial.filter((l) => l.left_at !== null)).toEqual(before.filter((l) => l.left_at !== null));

    // The same class as the whole school's roster: everyone else is marked as having left, the rows kept.
    const full = (await upload(w.users.supervisorB, school, Buffer.from(csv), 'lop5c.csv').expect(201)).body as View;
    expect(full.planned).toMatchObject({ add: 0, update: 1, left: stay });
    await confirm(w.users.supervisorB, school, full.id, { mapping: full.mapping, fullRoster: true }).expect(202);
    expect(await finished(w.users.supervisorB, school, full.id)).toMatchObject({
      fullRoster: true,
      learnersUpdated: 1,
      learnersLeft: stay,
    });
    const after = await learners(school);
    expect(after).toHaveLength(before.length + 1);
    expect(after.filter((l) => l.left_at === null).map((l) => l.full_name)).toEqual(['Mai Thị Lớp Một']);
  });
});
