import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { UserService } from '@dh/identity';
import { DirectorySeedService } from '@dh/directory';
import { auth, PASSWORD, World } from '../support/fixtures';
import { useCliAgainst } from '../support/cli';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

// DOMAIN.md's receivers, as config/directory/default.json spells them, in the order the directory lists them.
const SEEDED = [
  ['tong_dai_111', 'Tổng đài quốc gia bảo vệ trẻ em 111'],
  ['ubnd_phuong', 'Ủy ban nhân dân phường'],
  ['phong_vhxh', 'Phòng Văn hóa – Xã hội'],
  ['cong_an', 'Công an phường'],
  ['y_te', 'Phòng khám tâm lý – tâm thần của bệnh viện'],
  ['y_te', 'Trạm y tế phường'],
  ['doan_thanh_nien', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh phường'],
  ['ctxh', 'Trung tâm cung cấp dịch vụ công tác xã hội'],
];

type Item = {
  id: string;
  wardId: string;
  name: string;
  kind: string;
  phone: string | null;
  hours: string | null;
  notes: string | null;
  active: boolean;
};
type ChainEvent = { type: string; subjectId: string; payload: Record<string, unknown> };

describe('the ward’s directory of services (danh bạ dịch vụ)', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;
  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w, pg } = world);
  });
  const cli = useCliAgainst(() => t);

  const list = async (login: World['users'][keyof World['users']], query: Record<string, string> = {}) =>
    (await t.http().get('/api/directory').query(query).set(auth(login)).expect(200)).body.items as Item[];
  const rows = async () => Number((await pg.query(`SELECT count(*) FROM service_provider`)).rows[0].count);
  const chain = async () =>
    (await t.http().get('/api/admin/audit').set(auth(w.users.adminW)).expect(200)).body.items as ChainEvent[];
  const provider = {
    name: 'Phòng khám Tâm lý Bệnh viện Nhi Trung ương',
    kind: 'y_te',
    address: '18/879 La Thành, Đống Đa, Hà Nội',
    phone: '+84 24 6273 8532',
    email: 'tamly@nhp.org.vn',
    hours: 'Thứ Hai – Thứ Bảy, 7:30–16:30',
    contactPerson: 'ThS. Trần Thu Hương',
    notes: 'Nhận trẻ từ 6 đến 18 tuổi.',
  };

  it('seeds a ward once from the seed file, and every school role reads it with its diacritics intact', async () => {
    expect(await cli(['seed-directory', 'not-a-ward'])).toMatchObject({ code: 2 });
    expect((await cli(['seed-directory', '00000000-0000-4000-8000-000000000000'])).code).toBe(1);
    const first = await cli(['seed-directory', w.ward]);
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toContain('8 đơn vị đã thêm vào danh bạ');
    const again = await cli(['seed-directory', w.ward]);
    expect(again.out).toContain('nothing changed');
    expect(await rows()).toBe(SEEDED.length);

    const items = await list(w.users.counsellorA);
    expect(items.map((i) => [i.kind, i.name])).toEqual(SEEDED);
    // Stored composed (NFC), as typed: a search or a printed slip shows the same letters.
    expect(items.every((i) => i.name === i.name.normalize('NFC') && i.wardId === w.ward && i.active)).toBe(true);
    expect(items[0]).toMatchObject({
      phone: '111',
      hours: expect.stringContaining('24/7'),
      notes: expect.stringContaining('Miễn phí'),
    });
    for (const reader of [w.users.supervisorA, w.users.principalB, w.users.wardW, w.users.auditorA, w.users.adminW]) {
      expect((await list(reader)).map((i) => i.id)).toEqual(items.map((i) => i.id));
    }
    // A school user's ward is the ward of their schools, whether or not the account names a ward.
    await t
      .http()
      .post('/api/admin/users')
      .set(auth(w.users.adminW))
      .send({
        username: 'tv.khongphuong',
        fullName: 'Lý Thị Không',
        password: PASSWORD,
        roles: ['counsellor'],
        schoolIds: [w.schoolB],
      })
      .expect(201);
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'tv.khongphuong', password: PASSWORD })
      .expect(200);
    expect(login.body.user.wardId).toBeNull();
    const theirs = await t
      .http()
      .get('/api/directory')
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .expect(200);
    expect(theirs.body.items).toHaveLength(SEEDED.length);
  });

  it('filters by kind and by words of the name or notes, with or without diacritics', async () => {
    expect((await list(w.users.counsellorA, { kind: 'y_te' })).map((i) => i.name)).toEqual([
      'Phòng khám tâm lý – tâm thần của bệnh viện',
      'Trạm y tế phường',
    ]);
    expect((await list(w.users.counsellorA, { q: 'tram y te' })).map((i) => i.name)).toEqual(['Trạm y tế phường']);
    expect((await list(w.users.counsellorA, { q: 'CÔNG AN' })).map((i) => i.name)).toEqual(['Công an phường']);
    expect((await list(w.users.counsellorA, { q: 'mien phi' })).map((i) => i.kind)).toEqual(['tong_dai_111']);
    expect((await list(w.users.counsellorA, { q: 'phường', kind: 'cong_an' })).map((i) => i.kind)).toEqual(['cong_an']);
    expect(await list(w.users.counsellorA, { q: '100%_' })).toEqual([]);
    const bad = await t
      .http()
      .get('/api/directory')
      .query({ kind: 'benh_vien', includeInactive: 'maybe' })
      .set(auth(w.users.counsellorA))
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['includeInactive', 'kind']);
  });

  it('the admin adds, replaces and deactivates a receiver, each an event of the admin chain', async () => {
    const admin = auth(w.users.adminW);
    const created = await t.http().post('/api/admin/directory').set(admin).send(provider).expect(201);
    expect(created.body).toMatchObject({
      ...provider,
      wardId: w.ward,
      active: true,
      createdAt: t.clock.now().toISOString(),
    });
    const id = created.body.id;
    expect((await list(w.users.counsellorA, { q: 'nhi trung uong' })).map((i) => i.id)).toEqual([id]);

    t.clock.advance(60_000);
    // A PUT replaces: what it leaves out is cleared.
    const { address: _address, notes: _notes, ...kept } = provider;
    const replaced = await t
      .http()
      .put(`/api/admin/directory/${id}`)
      .set(admin)
      .send({ ...kept, phone: '024 6273 8532', hours: '  ' })
      .expect(200);
    expect(replaced.body).toMatchObject({
      phone: '024 6273 8532',
      address: null,
      notes: null,
      hours: null,
      updatedAt: t.clock.now().toISOString(),
      createdAt: created.body.createdAt,
    });

    t.clock.advance(60_000);
    const deactivated = await t.http().post(`/api/admin/directory/${id}/deactivate`).set(admin).expect(200);
    expect(deactivated.body).toMatchObject({ id, active: false });
    expect((await t.http().post(`/api/admin/directory/${id}/deactivate`).set(admin).expect(409)).body.code).toBe(
      'PROVIDER_ALREADY_INACTIVE',
    );
    // Never deleted: the row stays for the referrals that will name it.
    expect((await pg.query(`SELECT active FROM service_provider WHERE id = $1`, [id])).rows).toEqual([
      { active: false },
    ]);

    const events = (await chain()).filter((e) => e.subjectId === id || e.type === 'DIRECTORY_SEEDED');
    expect(events.map((e) => e.type)).toEqual([
      'DIRECTORY_SEEDED',
      'DIRECTORY_PROVIDER_CREATED',
      'DIRECTORY_PROVIDER_UPDATED',
      'DIRECTORY_PROVIDER_DEACTIVATED',
    ]);
    expect(events[1].payload).toMatchObject({
      providerId: id,
      wardId: w.ward,
      after: { name: provider.name, phone: provider.phone },
    });
    expect(events[2].payload).toMatchObject({
      before: { address: provider.address, hours: provider.hours },
      after: { address: null, hours: null, phone: '024 6273 8532' },
    });
    expect((await t.http().get('/api/admin/audit/verify').set(admin).expect(200)).body).toMatchObject({ valid: true });
  });

  it('hides a deactivated receiver unless includeInactive, and still answers it by id', async () => {
    const [gone] = await list(w.users.adminW, { q: 'nhi trung uong', includeInactive: 'true' });
    expect(gone).toMatchObject({ active: false });
    expect((await list(w.users.counsellorA)).map((i) => i.id)).not.toContain(gone.id);
    expect((await list(w.users.counsellorA, { includeInactive: 'false' })).map((i) => i.id)).not.toContain(gone.id);
    expect((await list(w.users.counsellorA, { includeInactive: 'true' })).map((i) => i.id)).toContain(gone.id);
    expect(
      (await t.http().get(`/api/directory/${gone.id}`).set(auth(w.users.counsellorA)).expect(200)).body,
    ).toMatchObject({ id: gone.id, active: false });
  });

  it('refuses a counsellor’s changes (403) and stores nothing', async () => {
    const before = { rows: await rows(), events: (await chain()).length };
    const [some] = await list(w.users.counsellorA);
    const h = auth(w.users.counsellorA);
    expect((await t.http().post('/api/admin/directory').set(h).send(provider).expect(403)).body.code).toBe(
      'FORBIDDEN_ROLE',
    );
    await t.http().put(`/api/admin/directory/${some.id}`).set(h).send(provider).expect(403);
    await t.http().post(`/api/admin/directory/${some.id}/deactivate`).set(h).expect(403);
    await t.http().post('/api/admin/directory').set(auth(w.users.wardW)).send(provider).expect(403);
    expect({ rows: await rows(), events: (await chain()).length }).toEqual(before);
    expect((await t.http().get(`/api/directory/${some.id}`).set(h).expect(200)).body.name).toBe(some.name);
  });

  it('answers 404 for a receiver of another ward, to everyone but the admin', async () => {
    const far = await t.app.get(UserService).createWard('W7', 'Phường Bên Kia');
    expect(await t.app.get(DirectorySeedService).seedWard(far.id, null, 'test')).toEqual({
      wardId: far.id,
      created: SEEDED.length,
    });
    const theirs = (await list(w.users.adminW, { wardId: far.id })).find((i) => i.kind === 'cong_an') as Item;
    expect(theirs.wardId).toBe(far.id);
    for (const reader of [w.users.counsellorA, w.users.principalA, w.users.wardW, w.users.auditorA]) {
      expect((await t.http().get(`/api/directory/${theirs.id}`).set(auth(reader)).expect(404)).body.code).toBe(
        'PROVIDER_NOT_FOUND',
      );
      await t.http().get('/api/directory').query({ wardId: far.id }).set(auth(reader)).expect(404);
      expect((await list(reader)).every((i) => i.wardId === w.ward)).toBe(true);
    }
    await t.http().get(`/api/directory/${theirs.id}`).set(auth(w.users.adminW)).expect(200);
    await t
      .http()
      .get('/api/directory/00000000-0000-4000-8000-000000000000')
      .set(auth(w.users.counsellorA))
      .expect(404);
    await t.http().get('/api/directory/not-a-uuid').set(auth(w.users.counsellorA)).expect(400);
  });

  it('refuses bad input with 400 naming each field, and stores nothing', async () => {
    const before = { rows: await rows(), events: (await chain()).length };
    const admin = auth(w.users.adminW);
    const bad = await t
      .http()
      .post('/api/admin/directory')
      .set(admin)
      .send({
        name: '   ',
        kind: 'benh_vien',
        phone: '0912-345-678',
        email: 'khong-phai-email',
        wardId: 'W1',
        website: 'x',
      })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'email',
      'kind',
      'name',
      'phone',
      'wardId',
      'website',
    ]);
    expect(bad.body.message).toMatch(/^Dữ liệu không hợp lệ: /);
    const missing = await t.http().post('/api/admin/directory').set(admin).send({}).expect(400);
    expect(missing.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['kind', 'name']);
    for (const phone of ['11', '++84 24', '024  3851', 'một một một', '1234567890123456']) {
      const res = await t
        .http()
        .post('/api/admin/directory')
        .set(admin)
        .send({ name: 'Đơn vị thử', kind: 'khac', phone })
        .expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['phone']);
    }
    const [some] = await list(w.users.adminW);
    const put = await t
      .http()
      .put(`/api/admin/directory/${some.id}`)
      .set(admin)
      .send({ name: '', kind: 'x', active: false })
      .expect(400);
    expect(put.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['active', 'kind', 'name']);
    await t
      .http()
      .post('/api/admin/directory')
      .set(admin)
      .send({ ...provider, wardId: '00000000-0000-4000-8000-000000000000' })
      .expect(404);
    expect({ rows: await rows(), events: (await chain()).length }).toEqual(before);
  });

  it('stops the seeding at a malformed seed file, naming the entry and the field, before writing anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dh-directory-'));
    const file = join(dir, 'phuong.json');
    writeFileSync(
      file,
      JSON.stringify({
        providers: [
          { name: 'Tổng đài 111', kind: 'tong_dai_111', phone: '111' },
          { name: 'Trạm y tế', kind: 'y_te', phon: '024' },
        ],
      }),
    );
    const fresh = await t.app.get(UserService).createWard('W8', 'Phường Mới');
    const before = { rows: await rows(), events: (await chain()).length };
    process.env.DIRECTORY_SEED_FILE = file;
    try {
      await expect(cli(['seed-directory', fresh.id])).rejects.toThrow(
        /DIRECTORY_SEED_FILE .*phuong\.json: providers\[1\] \(Trạm y tế\): Trường dữ liệu không được phép: phon \/ unknown field: phon/,
      );
    } finally {
      delete process.env.DIRECTORY_SEED_FILE;
      rmSync(dir, { recursive: true, force: true });
    }
    expect({ rows: await rows(), events: (await chain()).length }).toEqual(before);
  });
});
