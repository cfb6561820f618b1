import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { SealedRegistry } from '@dh/crypto';
import { auth, buildWorld, World } from '../support/fixtures';
import { binary, hasRun, readDocx } from '../support/docx';
import { startTestApp, TestApp } from '../support/test-app';

type Activity = {
  id: string;
  module: string;
  purpose: { vi: string; en: string };
  legalBasis: { vi: string }[];
  categories: { data: { vi: string }; sensitive: boolean }[];
  storedIn: { table: string; sealedColumns: string[]; sealedUnder: string | null }[];
  recipients: { vi: string }[];
  retention: { rule: { vi: string }; periods: { kind: string; years: number; basis: string }[] };
};
type Record = { activities: Activity[]; notPersonal: { table: string }[]; sealedEventFields: { eventType: string }[] };

// The school's own retention choices, so the record is seen to print the file the installation runs on.
const policyFile = (): string => {
  const policy = JSON.parse(readFileSync('config/retention.json', 'utf8')) as {
    kinds: { counselling_record: { years: number }; protection_concern: { years: number } };
  };
  policy.kinds.counselling_record.years = 7;
  policy.kinds.protection_concern.years = 12;
  const file = join(mkdtempSync(join(tmpdir(), 'dh-retention-')), 'retention.json');
  writeFileSync(file, JSON.stringify(policy));
  return file;
};

describe('the record of processing (Law 91/2025): built from what each module declares', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;
  const get = (by: World['users'][keyof World['users']], query = '') =>
    t.http().get(`/api/admin/privacy/processing-record${query}`).set(auth(by));

  beforeAll(async () => {
    t = await startTestApp({ RETENTION_POLICY_FILE: policyFile() });
    w = await buildWorld(t.app);
    pg = new Client({ connectionString: t.db.url });
    await pg.connect();
  });
  afterAll(async () => {
    await pg.end();
    await t.close();
  });

  it('accounts for every table of the database, and names the sealed columns and the key each is sealed under', async () => {
    const record = (await get(w.users.adminW).expect(200)).body as Record;
    const tables = (
      await pg.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations'`,
      )
    ).rows.map((r) => r.table_name);
    const declared = [
      ...record.activities.flatMap((a) => a.storedIn.map((s) => s.table)),
      ...record.notPersonal.map((n) => n.table),
    ];
    expect(tables.filter((table) => !declared.includes(table))).toEqual([]);

    // Every sealed column the key rotation knows is printed under the purpose of its table.
    const stored = new Map(record.activities.flatMap((a) => a.storedIn.map((s) => [s.table, s] as const)));
    for (const sealed of t.app.get(SealedRegistry).sealedTables()) {
      expect(stored.get(sealed.table)?.sealedColumns.sort()).toEqual(Object.keys(sealed.columns).sort());
      expect(stored.get(sealed.table)?.sealedUnder).toBe(sealed.caseColumn ? 'case_key' : 'shared_key');
    }
    expect(stored.get('case')?.sealedColumns).toEqual(expect.arrayContaining(['summary', 'legal_hold_reason']));
    expect(stored.get('learner')?.sealedColumns).toEqual(['guardians', 'national_code']);
    expect(record.sealedEventFields.map((e) => e.eventType)).toEqual(
      expect.arrayContaining(['LEGAL_HOLD_PLACED', 'RECTIFIED']),
    );

    // Counselling work rests on the Circular and the Law on Children, sharing on consent; sensitive data is marked.
    const byId = new Map(record.activities.map((a) => [a.id, a]));
    const cases = byId.get('counselling_cases')!;
    expect(cases.legalBasis.map((b) => b.vi).join(' ')).toMatch(/Thông tư 18\/2025\/TT-BGDĐT.*Luật Trẻ em/);
    expect(cases.categories.some((c) => c.sensitive)).toBe(true);
    expect(byId.get('referrals')!.legalBasis[0].vi).toMatch(/Sự đồng ý/);
    expect(byId.get('staff_accounts')!.storedIn.map((s) => s.table)).toContain('user_second_factor');
    expect(byId.get('data_subject_requests')!.storedIn.map((s) => s.table)).toEqual(['data_request']);
  });

  it('gives each purpose the period the installation’s retention file sets', async () => {
    const record = (await get(w.users.adminW).expect(200)).body as Record;
    const cases = record.activities.find((a) => a.id === 'counselling_cases')!;
    expect(cases.retention.periods.map((p) => [p.kind, p.years])).toEqual([
      ['counselling_record', 7],
      ['protection_concern', 12],
    ]);
    expect(cases.retention.rule.vi).toBe('7 / 12 năm, tính từ ngày kết thúc hồ sơ');
  });

  it('prints as a Word file for the school’s file, in Vietnamese', async () => {
    const res = await get(w.users.principalA, '?format=docx').buffer(true).parse(binary).expect(200);
    expect(res.headers['content-disposition']).toContain('nhat-ky-xu-ly-du-lieu-ca-nhan.docx');
    const { runs } = readDocx(res.body as Buffer);
    expect(hasRun(runs, 'NHẬT KÝ HOẠT ĐỘNG XỬ LÝ DỮ LIỆU CÁ NHÂN')).toBe(true);
    expect(hasRun(runs, 'Tiếp nhận, đánh giá, lập kế hoạch, hỗ trợ, theo dõi và kết thúc hoặc chuyển gửi hồ sơ')).toBe(
      true,
    );
    expect(hasRun(runs, 'được mã hóa AES-256-GCM bằng khóa riêng của từng hồ sơ')).toBe(true);
    expect(hasRun(runs, '(dữ liệu cá nhân nhạy cảm)')).toBe(true);
    expect(hasRun(runs, 'counselling_record: 7 năm (do nhà trường lựa chọn)')).toBe(true);
  });

  it('is read by the admin and the principal only; a bad format is refused with the field', async () => {
    await get(w.users.counsellorA).expect(403);
    await get(w.users.supervisorA).expect(403);
    await get(w.users.wardW).expect(403);
    await get(w.users.principalB).expect(200);
    const bad = await get(w.users.adminW, '?format=pdf').expect(400);
    expect(JSON.stringify(bad.body)).toMatch(/format/);
  });
});
