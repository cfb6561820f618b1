import { auth, Login, World } from '../support/fixtures';
import { binary, readDocx } from '../support/docx';
import { useEscalationWorld } from '../support/escalation-helpers';
import { TestApp } from '../support/test-app';

const BREACHES = '/api/admin/privacy/breaches';

type AlertBody = { deadlineId: string | null; level: string; reason: string };

const breachBody = (over: Record<string, unknown> = {}) => ({
  description: 'Máy tính xách tay của tổ tư vấn, lưu bản sao hồ sơ học sinh, bị mất tại phòng tư vấn.',
  detectedAt: '2026-08-28T10:00:00+07:00',
  categories: ['identity', 'counselling', 'family'],
  subjectsEstimate: 120,
  consequences: 'Lộ hoàn cảnh gia đình và nội dung tư vấn của học sinh.',
  measuresTaken: 'Đã khóa tài khoản, đổi mật khẩu, trình báo công an phường.',
  responsible: { fullName: 'Nguyễn Văn Hùng', position: 'Phó Chủ tịch UBND phường', phone: '024 3851 1234' },
  ...over,
});

describe('personal-data breach notification (Law 91/2025, Decree 356/2025)', () => {
  let t: TestApp;
  let w: World;
  const { world, sweep, at } = useEscalationWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });

  const admin = () => auth(w.users.adminW);
  const record = async (over: Record<string, unknown> = {}) =>
    (await t.http().post(BREACHES).set(admin()).send(breachBody(over)).expect(201)).body;
  // The alerts someone holds about this breach's clocks (the sweep also runs the schools' report clocks).
  const breachAlerts = async (who: Login, breachId: string): Promise<AlertBody[]> => {
    const { rows } = await world.pg.query(`SELECT deadline_id FROM data_breach_clock WHERE breach_id = $1`, [breachId]);
    const clocks = rows.map((r: { deadline_id: string }) => r.deadline_id);
    const items: AlertBody[] = (await t.http().get('/api/alerts').query({ pageSize: 100 }).set(auth(who)).expect(200))
      .body.items;
    return items.filter((a) => a.deadlineId !== null && clocks.includes(a.deadlineId));
  };
  const levels = async (who: Login, breachId: string) => (await breachAlerts(who, breachId)).map((a) => a.level).sort();

  it('records a breach and counts 72 calendar hours from detection across a weekend and a holiday, escalating on its ladder', async () => {
    const { principalA, principalB, wardW } = w.users;
    // Friday 28/08/2026 10:00 detected, recorded an hour later. Saturday, Sunday and Monday 31/08 (a day off)
    // follow: on working hours the 72 hours would run to the middle of the next week.
    at('2026-08-28T11:00:00+07:00');
    const b = await record({ schoolIds: [w.schoolA] });
    expect(b).toMatchObject({
      status: 'open',
      detectedAt: '2026-08-28T03:00:00.000Z',
      dueAt: '2026-08-31T03:00:00.000Z',
      overdue: false,
      escalation: null,
      categories: ['identity', 'counselling', 'family'],
      subjectsEstimate: 120,
      schools: [{ id: w.schoolA, name: 'Trường THCS Thử Nghiệm A' }],
      recordedBy: w.users.adminW.id,
    });

    at('2026-08-29T09:59:00+07:00');
    await sweep();
    expect(await levels(principalA, b.id)).toEqual([]);
    at('2026-08-29T10:00:00+07:00'); // 24 h: the principal
    await sweep();
    expect(await levels(principalA, b.id)).toEqual(['reminder']);
    at('2026-08-30T10:00:00+07:00'); // 48 h, a Sunday: the principal again, still ahead of the deadline
    await sweep();
    expect(await levels(principalA, b.id)).toEqual(['principal', 'reminder']);
    const early = (await breachAlerts(principalA, b.id)).find((a) => a.level === 'principal');
    expect(early?.reason).toBe(
      'Sắp đến hạn thông báo sự cố dữ liệu cá nhân cho Cục A05, Bộ Công an (hạn 10:00 31/08/2026) — Trường THCS Thử Nghiệm A',
    );

    at('2026-08-31T09:59:59+07:00'); // a second before the 72 hours: no one hears of it as overdue
    await sweep();
    expect(await levels(principalA, b.id)).toEqual(['principal', 'reminder']);
    expect(await levels(wardW, b.id)).toEqual([]);
    expect((await t.http().get(`${BREACHES}/${b.id}`).set(admin()).expect(200)).body.overdue).toBe(false);

    at('2026-08-31T10:00:00+07:00'); // 72 h, on a day off: overdue, to the principal and the ward officer
    await sweep();
    expect(await levels(principalA, b.id)).toEqual(['overdue', 'principal', 'reminder']);
    expect(await levels(wardW, b.id)).toEqual(['ward']);
    expect(await levels(principalB, b.id)).toEqual([]);
    const [ward] = await breachAlerts(wardW, b.id);
    expect(ward.reason).toMatch(/^Quá hạn thông báo sự cố dữ liệu cá nhân cho Cục A05, Bộ Công an \(hạn/);
    const read = (await t.http().get(`${BREACHES}/${b.id}`).set(auth(wardW)).expect(200)).body;
    expect(read).toMatchObject({ status: 'open', overdue: true, escalation: 'ward' });

    // Sweeping again raises nothing twice.
    at('2026-09-03T10:00:00+07:00');
    await sweep();
    expect(await levels(principalA, b.id)).toEqual(['overdue', 'principal', 'reminder']);

    // Late now: the notification must say why.
    const late = await t
      .http()
      .post(`${BREACHES}/${b.id}/authority-notification`)
      .set(admin())
      .send({ notifiedAt: '2026-09-03T09:00:00+07:00' })
      .expect(400);
    expect(late.body.details.map((d: { field: string }) => d.field)).toEqual(['lateReason']);
    const told = await t
      .http()
      .post(`${BREACHES}/${b.id}/authority-notification`)
      .set(admin())
      .send({ notifiedAt: '2026-09-03T09:00:00+07:00', lateReason: 'Phải xác minh phạm vi dữ liệu bị lộ.' })
      .expect(200);
    expect(told.body.authorityNotification).toMatchObject({
      late: true,
      lateReason: 'Phải xác minh phạm vi dữ liệu bị lộ.',
    });
    expect(told.body.overdue).toBe(false);
  });

  it('stops the clock when the authority is notified: no escalation after it', async () => {
    const { principalB, wardW } = w.users;
    at('2026-09-07T08:00:00+07:00');
    const b = await record({ detectedAt: '2026-09-07T08:00:00+07:00', schoolIds: [w.schoolB] });
    at('2026-09-08T08:00:00+07:00');
    await sweep();
    expect(await levels(principalB, b.id)).toEqual(['reminder']);

    at('2026-09-08T15:00:00+07:00');
    const told = await t
      .http()
      .post(`${BREACHES}/${b.id}/authority-notification`)
      .set(admin())
      .send({ notifiedAt: '2026-09-08T14:30:00+07:00', reference: '15/UBND-VHXH' })
      .expect(200);
    expect(told.body).toMatchObject({
      status: 'authority_notified',
      authorityNotification: {
        notifiedAt: '2026-09-08T07:30:00.000Z',
        reference: '15/UBND-VHXH',
        late: false,
        lateReason: null,
        recordedBy: w.users.adminW.id,
      },
    });
    const { rows } = await world.pg.query(
      `SELECT d.closed_at, d.closed_as FROM deadline d JOIN data_breach_clock c ON c.deadline_id = d.id WHERE c.breach_id = $1`,
      [b.id],
    );
    expect(rows).toEqual([{ closed_at: new Date('2026-09-08T07:30:00Z'), closed_as: 'satisfied' }]);

    at('2026-09-12T08:00:00+07:00'); // well past 72 h
    await sweep();
    expect(await levels(principalB, b.id)).toEqual(['reminder']);
    expect(await levels(wardW, b.id)).toEqual([]);
    expect((await t.http().get(`${BREACHES}/${b.id}`).set(admin()).expect(200)).body).toMatchObject({
      overdue: false,
      escalation: 'reminder',
    });
    await t
      .http()
      .post(`${BREACHES}/${b.id}/authority-notification`)
      .set(admin())
      .send({ notifiedAt: '2026-09-08T14:30:00+07:00' })
      .expect(409);
  });

  it('writes the recorded facts into the letter to A05 and the notice to guardians (.docx)', async () => {
    at('2026-09-14T09:00:00+07:00');
    const b = await record({
      detectedAt: '2026-09-14T08:15:00+07:00',
      schoolIds: [w.schoolA, w.schoolB],
      categories: ['health', 'abuse_protection'],
      subjectsEstimate: 37,
    });
    const download = (path: string) =>
      t.http().get(`${BREACHES}/${b.id}/${path}`).set(admin()).buffer(true).parse(binary).expect(200);
    const res = await download('authority-letter');
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.docx"$/);
    const letter = readDocx(res.body).runs.join('\n');
    for (const fact of [
      'THÔNG BÁO VI PHẠM QUY ĐỊNH VỀ BẢO VỆ DỮ LIỆU CÁ NHÂN',
      'Kính gửi: Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05), Bộ Công an.',
      'Máy tính xách tay của tổ tư vấn, lưu bản sao hồ sơ học sinh, bị mất tại phòng tư vấn.',
      '08 giờ 15 phút, ngày 14/09/2026',
      'Dữ liệu về sức khỏe, tâm lý',
      'Thông tin về bạo lực, xâm hại và các biện pháp bảo vệ trẻ em',
      '37 học sinh',
      'Trường THCS Thử Nghiệm A; Trường Tiểu học Thử Nghiệm B',
      'Lộ hoàn cảnh gia đình và nội dung tư vấn của học sinh.',
      'Đã khóa tài khoản, đổi mật khẩu, trình báo công an phường.',
      'Họ và tên: Nguyễn Văn Hùng; chức vụ: Phó Chủ tịch UBND phường; điện thoại: 024 3851 1234',
      'Hà Nội, ngày 14 tháng 09 năm 2026',
    ])
      expect(letter).toContain(fact);
    // Not late: no reason for a delay is printed.
    expect(letter).not.toContain('Lý do thông báo sau 72 giờ');
    expect(letter).not.toContain('Hồ sơ, nội dung tư vấn tâm lý');

    const notice = readDocx((await download('guardian-notice')).body).runs.join('\n');
    expect(notice).toContain(
      'Kính gửi: Quý cha mẹ học sinh, người giám hộ của học sinh Trường THCS Thử Nghiệm A; Trường Tiểu học Thử Nghiệm B.',
    );
    expect(notice).toContain('Dữ liệu về sức khỏe, tâm lý');
    expect(notice).toContain('Sự cố đang được thông báo cho Cục An ninh mạng');
    expect(notice).toContain(
      'Mọi thắc mắc xin liên hệ: Nguyễn Văn Hùng (Phó Chủ tịch UBND phường), điện thoại 024 3851 1234.',
    );

    // The principal of a school it names reads it and its documents; the ward officer too.
    await t.http().get(`${BREACHES}/${b.id}/guardian-notice`).set(auth(w.users.principalB)).expect(200);
    await t.http().get(`${BREACHES}/${b.id}/authority-letter`).set(auth(w.users.wardW)).expect(200);
  });

  it('appends every step to the admin chain, which verifies', async () => {
    at('2026-09-21T09:00:00+07:00');
    const b = await record({ detectedAt: '2026-09-21T07:00:00+07:00' });
    // Naming no school: it concerns every school, each with its clock.
    expect(b.schools).toEqual([]);
    const { rows } = await world.pg.query(
      `SELECT d.school_id FROM deadline d JOIN data_breach_clock c ON c.deadline_id = d.id WHERE c.breach_id = $1 ORDER BY 1`,
      [b.id],
    );
    expect(rows.map((r: { school_id: string }) => r.school_id)).toEqual([w.schoolA, w.schoolB].sort());

    at('2026-09-22T10:00:00+07:00');
    await t
      .http()
      .post(`${BREACHES}/${b.id}/close`)
      .set(admin())
      .send({ finding: 'confirmed', outcome: 'Đã xử lý.' })
      .expect(409);
    await t
      .http()
      .post(`${BREACHES}/${b.id}/authority-notification`)
      .set(admin())
      .send({ notifiedAt: '2026-09-22T09:00:00+07:00' })
      .expect(200);
    const guardians = await t
      .http()
      .post(`${BREACHES}/${b.id}/guardian-notification`)
      .set(admin())
      .send({ notifiedAt: '2026-09-22T09:30:00+07:00', guardiansNotified: 118, how: 'van_ban' })
      .expect(200);
    expect(guardians.body.guardianNotification).toMatchObject({ guardiansNotified: 118, how: 'van_ban' });
    const closed = await t
      .http()
      .post(`${BREACHES}/${b.id}/close`)
      .set(admin())
      .send({ finding: 'confirmed', outcome: 'Đã thu hồi dữ liệu; không phát sinh thiệt hại.' })
      .expect(200);
    expect(closed.body).toMatchObject({
      status: 'closed',
      closure: { finding: 'confirmed', outcome: 'Đã thu hồi dữ liệu; không phát sinh thiệt hại.' },
    });
    await t
      .http()
      .post(`${BREACHES}/${b.id}/guardian-notification`)
      .set(admin())
      .send({ notifiedAt: '2026-09-22T09:30:00+07:00', guardiansNotified: 1, how: 'van_ban' })
      .expect(409);

    const chain = (await t.http().get('/api/admin/audit').query({ pageSize: 100 }).set(admin()).expect(200)).body
      .items as { type: string; actorId: string; subjectId: string; payload: Record<string, unknown> }[];
    const mine = chain.filter((e) => e.subjectId === b.id);
    expect(mine.map((e) => [e.type, e.actorId])).toEqual([
      ['BREACH_RECORDED', w.users.adminW.id],
      ['BREACH_AUTHORITY_NOTIFIED', w.users.adminW.id],
      ['BREACH_GUARDIANS_NOTIFIED', w.users.adminW.id],
      ['BREACH_CLOSED', w.users.adminW.id],
    ]);
    expect(mine[0].payload).toMatchObject({
      detectedAt: '2026-09-21T00:00:00.000Z',
      dueAt: '2026-09-24T00:00:00.000Z',
      subjectsEstimate: 120,
      schoolIds: [],
    });
    // Every breach of this file has each of its steps in the chain.
    expect(chain.filter((e) => e.type.startsWith('BREACH_')).length).toBeGreaterThanOrEqual(9);
    expect((await t.http().get('/api/admin/audit/verify').set(admin()).expect(200)).body).toMatchObject({
      valid: true,
    });
  });

  it('refuses bad input with 400 naming each field, and changes nothing', async () => {
    at('2026-09-28T09:00:00+07:00');
    const count = async () => (await world.pg.query(`SELECT count(*)::int AS n FROM data_breach`)).rows[0].n;
    const before = await count();
    const bad = await t
      .http()
      .post(BREACHES)
      .set(admin())
      .send({
        description: '  ',
        detectedAt: '2026-09-28 09:00',
        categories: ['identity', 'secrets'],
        subjectsEstimate: -1,
        schoolIds: ['not-a-uuid'],
        consequences: 'x',
        measuresTaken: 'y',
        responsible: { fullName: '', phone: 'abc', email: 'not-mail' },
      })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(
      [
        'categories',
        'description',
        'detectedAt',
        'responsible.email',
        'responsible.fullName',
        'responsible.phone',
        'schoolIds',
        'subjectsEstimate',
      ].sort(),
    );
    const future = await t
      .http()
      .post(BREACHES)
      .set(admin())
      .send(breachBody({ detectedAt: '2026-09-29T09:00:00+07:00' }))
      .expect(400);
    expect(future.body.details).toEqual([expect.objectContaining({ field: 'detectedAt' })]);
    expect(future.body.details[0].problems[0]).toMatch(/^Thời điểm phát hiện không được .* \/ detectedAt must not/);
    const unknown = await t
      .http()
      .post(BREACHES)
      .set(admin())
      .send(
        breachBody({ detectedAt: '2026-09-28T08:00:00+07:00', schoolIds: ['00000000-0000-4000-8000-000000000000'] }),
      )
      .expect(400);
    expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'schoolIds' })]);
    expect(await count()).toBe(before);

    const b = await record({ detectedAt: '2026-09-28T08:00:00+07:00', schoolIds: [w.schoolA] });
    const early = await t
      .http()
      .post(`${BREACHES}/${b.id}/guardian-notification`)
      .set(admin())
      .send({ notifiedAt: '2026-09-28T07:00:00+07:00', guardiansNotified: 3, how: 'bo_cau' })
      .expect(400);
    expect(early.body.details.map((d: { field: string }) => d.field)).toEqual(['how']);
    const beforeDetection = await t
      .http()
      .post(`${BREACHES}/${b.id}/guardian-notification`)
      .set(admin())
      .send({ notifiedAt: '2026-09-28T07:00:00+07:00', guardiansNotified: 3, how: 'dien_thoai' })
      .expect(400);
    expect(beforeDetection.body.details).toEqual([expect.objectContaining({ field: 'notifiedAt' })]);
    const missing = await t.http().get(`${BREACHES}/00000000-0000-4000-8000-000000000000`).set(admin()).expect(404);
    expect(missing.body).toMatchObject({ code: 'BREACH_NOT_FOUND', messageEn: 'Personal-data breach not found.' });
    expect(missing.body.message).toBe('Không tìm thấy sự cố dữ liệu cá nhân này.');
  });

  it('lets the admin record and update; the principals and the ward officer it concerns read', async () => {
    at('2026-10-05T09:00:00+07:00');
    const b = await record({ detectedAt: '2026-10-05T08:00:00+07:00', schoolIds: [w.schoolA] });
    const { counsellorA, supervisorA, principalA, principalB, wardW, auditorA } = w.users;
    for (const who of [counsellorA, supervisorA, principalA, wardW, auditorA])
      await t.http().post(BREACHES).set(auth(who)).send(breachBody()).expect(403);
    for (const who of [principalA, wardW])
      await t
        .http()
        .post(`${BREACHES}/${b.id}/close`)
        .set(auth(who))
        .send({ finding: 'not_a_breach', outcome: 'x' })
        .expect(403);
    for (const who of [counsellorA, supervisorA, auditorA]) await t.http().get(BREACHES).set(auth(who)).expect(403);
    await t.http().get(`${BREACHES}/${b.id}`).set(auth(principalA)).expect(200);
    await t.http().get(`${BREACHES}/${b.id}`).set(auth(wardW)).expect(200);
    // Another school's principal: it names only school A, so for them it does not exist.
    await t.http().get(`${BREACHES}/${b.id}`).set(auth(principalB)).expect(404);
    const listed = async (who: Login) =>
      (await t.http().get(BREACHES).query({ pageSize: 100 }).set(auth(who)).expect(200)).body.items.map(
        (i: { id: string }) => i.id,
      );
    expect(await listed(principalA)).toContain(b.id);
    expect(await listed(principalB)).not.toContain(b.id);
    expect(await listed(wardW)).toContain(b.id);

    // A suspicion that proves no breach closes before any notification; its clock stops.
    const closed = await t
      .http()
      .post(`${BREACHES}/${b.id}/close`)
      .set(admin())
      .send({ finding: 'not_a_breach', outcome: 'Thiết bị được tìm thấy, còn niêm phong.' })
      .expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', overdue: false, authorityNotification: null });
    at('2026-10-09T09:00:00+07:00');
    await sweep();
    expect(await levels(principalA, b.id)).toEqual([]);
    const open = (await t.http().get(BREACHES).query({ open: true, pageSize: 100 }).set(admin()).expect(200)).body
      .items;
    expect(open.map((i: { id: string }) => i.id)).not.toContain(b.id);
  });
});
