import { auth, Login, World } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

type Choice = { channel: string; level: string; mode: string; locked: boolean };
type Problem = { code: string; details: { field: string; problems: string[] }[] };

// A person's own e-mail, phone and how each kind of alert reaches them; the admin sets the first two too.
describe('how alerts reach each person', () => {
  let t: TestApp;
  let w: World;
  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });

  const read = async (who: Login) =>
    (await t.http().get('/api/me/notifications').set(auth(who)).expect(200)).body as {
      email: string | null;
      phone: string | null;
      choices: Choice[];
    };
  const put = (who: Login, body: object) => t.http().put('/api/me/notifications').set(auth(who)).send(body);
  const modeOf = (choices: Choice[], channel: string, level: string) =>
    choices.find((c) => c.channel === channel && c.level === level)?.mode;
  const fieldsOf = (body: Problem) => body.details.map((d) => d.field);

  it('starts with no address and every kind of alert immediate on both channels, the child-safety ones locked', async () => {
    const mine = await read(w.users.counsellorA);
    expect(mine).toMatchObject({ email: null, phone: null });
    expect(mine.choices).toHaveLength(16);
    expect(new Set(mine.choices.map((c) => c.mode))).toEqual(new Set(['immediate']));
    expect(mine.choices.filter((c) => c.locked).map((c) => `${c.channel}:${c.level}`)).toEqual([
      'email:critical_risk',
      'webhook:critical_risk',
      'email:protection',
      'webhook:protection',
    ]);
  });

  it('keeps what a counsellor sets, the phone written with spaces stored as +84, and leaves out what was not sent', async () => {
    const saved = await put(w.users.counsellorA, {
      email: '  lan.nguyen@thcs.edu.vn ',
      phone: '0912 345 678',
      choices: [
        { channel: 'email', level: 'reminder', mode: 'digest' },
        { channel: 'webhook', level: 'overdue', mode: 'off' },
      ],
    }).expect(200);
    expect(saved.body).toMatchObject({ email: 'lan.nguyen@thcs.edu.vn', phone: '+84912345678' });
    await put(w.users.counsellorA, { choices: [{ channel: 'email', level: 'overdue', mode: 'digest' }] }).expect(200);
    const mine = await read(w.users.counsellorA);
    expect(mine).toMatchObject({ email: 'lan.nguyen@thcs.edu.vn', phone: '+84912345678' });
    expect(modeOf(mine.choices, 'email', 'reminder')).toBe('digest');
    expect(modeOf(mine.choices, 'webhook', 'overdue')).toBe('off');
    expect(modeOf(mine.choices, 'email', 'overdue')).toBe('digest');
    expect(modeOf(mine.choices, 'webhook', 'reminder')).toBe('immediate');
    // Back to immediate, and the address removed: the app alone.
    await put(w.users.counsellorA, {
      email: '',
      phone: null,
      choices: [{ channel: 'email', level: 'reminder', mode: 'immediate' }],
    }).expect(200);
    const after = await read(w.users.counsellorA);
    expect(after).toMatchObject({ email: null, phone: null });
    expect(modeOf(after.choices, 'email', 'reminder')).toBe('immediate');
  });

  it('leaves another person’s choices and address alone', async () => {
    await put(w.users.supervisorA, { email: 'to.truong@thcs.edu.vn', choices: [] }).expect(200);
    await put(w.users.counsellorA2, {
      email: 'khac@thcs.edu.vn',
      choices: [{ channel: 'email', level: 'principal', mode: 'off' }],
    }).expect(200);
    const other = await read(w.users.supervisorA);
    expect(other.email).toBe('to.truong@thcs.edu.vn');
    expect(modeOf(other.choices, 'email', 'principal')).toBe('immediate');
  });

  it('refuses to put critical risk or protection in the digest or off, naming the choice, and changes nothing', async () => {
    const before = await read(w.users.supervisorA2);
    const res = await put(w.users.supervisorA2, {
      email: 'gs@thcs.edu.vn',
      choices: [
        { channel: 'email', level: 'reminder', mode: 'off' },
        { channel: 'webhook', level: 'protection', mode: 'off' },
        { channel: 'email', level: 'critical_risk', mode: 'digest' },
      ],
    }).expect(400);
    expect(fieldsOf(res.body as Problem)).toEqual(['choices[1].mode', 'choices[2].mode']);
    expect(res.body.details[0].problems[0]).toMatch(/^Cảnh báo nguy cơ nghiêm trọng và cảnh báo bảo vệ trẻ em luôn/);
    expect(await read(w.users.supervisorA2)).toEqual(before);
    // Asking immediate for them is no change, and accepted.
    await put(w.users.supervisorA2, { choices: [{ channel: 'email', level: 'protection', mode: 'immediate' }] }).expect(
      200,
    );
  });

  it.each([
    [{ email: 'khong-phai-thu' }, 'email'],
    [{ email: `${'a'.repeat(250)}@x.vn` }, 'email'],
    [{ phone: '0912 345 67' }, 'phone'],
    [{ phone: '+84 0912 345 678' }, 'phone'],
    [{ phone: '84912345678' }, 'phone'],
    [{ choices: [{ channel: 'sms', level: 'reminder', mode: 'off' }] }, 'choices[0].channel'],
    [{ choices: [{ channel: 'email', level: 'gossip', mode: 'off' }] }, 'choices[0].level'],
    [{ choices: [{ channel: 'email', level: 'reminder', mode: 'weekly' }] }, 'choices[0].mode'],
    [
      {
        choices: [
          { channel: 'email', level: 'reminder', mode: 'off' },
          { channel: 'email', level: 'reminder', mode: 'digest' },
        ],
      },
      'choices',
    ],
  ])('answers 400 naming the field for %j, and changes nothing', async (body, field) => {
    const before = await read(w.users.principalA);
    const res = await put(w.users.principalA, { phone: '0987654321', ...body }).expect(400);
    expect(fieldsOf(res.body as Problem)).toContain(field);
    expect(await read(w.users.principalA)).toEqual(before);
  });

  it('is open to every role, the admin and the inspector too', async () => {
    for (const who of [w.users.adminW, w.users.auditorA, w.users.wardW, w.users.principalB]) {
      await put(who, { phone: '+84 98 765 4321' }).expect(200);
      expect((await read(who)).phone).toBe('+84987654321');
    }
    await t.http().get('/api/me/notifications').expect(401);
  });

  describe('the admin', () => {
    const admin = () => auth(w.users.adminW);
    const usersList = async () =>
      (await t.http().get('/api/admin/users').set(admin()).expect(200)).body.items as {
        id: string;
        email: string | null;
        phone: string | null;
      }[];

    it('creates an account with its address and phone, and sees them in the list and the admin chain', async () => {
      const created = await t
        .http()
        .post('/api/admin/users')
        .set(admin())
        .send({
          username: 'gv.moi',
          fullName: 'Trần Văn Mới',
          password: 'mat-khau-dai-du-1',
          roles: ['counsellor'],
          schoolIds: [w.schoolA],
          email: 'gv.moi@thcs.edu.vn',
          phone: '0901 234 567',
        })
        .expect(201);
      expect(created.body).toMatchObject({ email: 'gv.moi@thcs.edu.vn', phone: '+84901234567' });
      expect((await usersList()).find((u) => u.id === created.body.id)).toMatchObject({ email: 'gv.moi@thcs.edu.vn' });
      const chain = (await t.http().get('/api/admin/audit').set(admin()).expect(200)).body.items;
      expect(chain.at(-1)).toMatchObject({
        type: 'USER_CREATED',
        payload: expect.objectContaining({ email: 'gv.moi@thcs.edu.vn', phone: '+84901234567' }),
      });
    });

    it('changes a user’s address, which the user then reads as theirs, and records before and after', async () => {
      const target = w.users.counsellorB;
      const res = await t
        .http()
        .put(`/api/admin/users/${target.id}/contact`)
        .set(admin())
        .send({ email: 'tv.b@th.edu.vn', phone: '+84 912 000 111' })
        .expect(200);
      expect(res.body).toMatchObject({ id: target.id, email: 'tv.b@th.edu.vn', phone: '+84912000111' });
      expect(await read(target)).toMatchObject({ email: 'tv.b@th.edu.vn', phone: '+84912000111' });
      await t.http().put(`/api/admin/users/${target.id}/contact`).set(admin()).send({ phone: '' }).expect(200);
      expect(await read(target)).toMatchObject({ email: 'tv.b@th.edu.vn', phone: null });
      const chain = (await t.http().get('/api/admin/audit').set(admin()).expect(200)).body.items;
      expect(chain.at(-1)).toMatchObject({
        type: 'USER_CONTACT_CHANGED',
        subjectId: target.id,
        payload: {
          before: { email: 'tv.b@th.edu.vn', phone: '+84912000111' },
          after: { email: 'tv.b@th.edu.vn', phone: null },
        },
      });
    });

    it('refuses a bad address or phone naming the field, and changes nothing; others may not set it', async () => {
      const target = w.users.supervisorB;
      const res = await t
        .http()
        .put(`/api/admin/users/${target.id}/contact`)
        .set(admin())
        .send({ email: 'a@b', phone: '0912' })
        .expect(400);
      expect(fieldsOf(res.body as Problem).sort()).toEqual(['email', 'phone']);
      expect((await usersList()).find((u) => u.id === target.id)).toMatchObject({ email: null, phone: null });
      await t
        .http()
        .post('/api/admin/users')
        .set(admin())
        .send({
          username: 'gv.sai',
          fullName: 'Sai Số',
          password: 'mat-khau-dai-du-1',
          roles: ['counsellor'],
          schoolIds: [],
          phone: '123',
        })
        .expect(400);
      expect((await usersList()).map((u) => u.id)).toHaveLength(12);
      await t
        .http()
        .put(`/api/admin/users/${target.id}/contact`)
        .set(auth(w.users.supervisorA))
        .send({ email: 'x@y.vn' })
        .expect(403);
      await t
        .http()
        .put('/api/admin/users/00000000-0000-4000-8000-000000000000/contact')
        .set(admin())
        .send({ email: 'x@y.vn' })
        .expect(404);
    });
  });
});
