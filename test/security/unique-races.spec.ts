import { UserService } from '@dh/identity';
import { auth, Login, loginOf, PASSWORD, World } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

// Ten requests at once for the same name: the existence check of each sees nothing, the inserts collide on the
// unique index. The loser must get the module's 409, never a 500; the winner's write and its chain event stand.
const RACERS = 10;
const ROUNDS = 3;
// Each account hashes its password (argon2id) while its transaction is open: slow on a busy machine.
const SLOW = 240_000;

describe('two admins racing to create the same user name, ward or school code', () => {
  let t: TestApp;
  let w: World;
  let admins: Login[];
  const world = useTestWorld();
  beforeAll(async () => {
    ({ t, w } = world);
    const second = await t.app.get(UserService).createUser({
      username: 'admin2',
      fullName: 'Quản trị viên hai',
      password: PASSWORD,
      roles: ['admin'],
      wardId: w.ward,
    });
    admins = [w.users.adminW, loginOf(t.app, second)];
  });

  const race = async (path: string, body: (i: number) => object) => {
    const answers = await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        t
          .http()
          .post(path)
          .set(auth(admins[i % 2]))
          .send(body(i)),
      ),
    );
    return answers.map((r) => ({ status: r.status, code: r.status >= 400 ? (r.body.code as string) : undefined }));
  };
  const tally = (answers: { status: number; code?: string }[]) =>
    answers
      .map((a) => `${a.status} ${a.code ?? ''}`.trim())
      .reduce<Record<string, number>>((acc, key) => ({ ...acc, [key]: (acc[key] ?? 0) + 1 }), {});

  it(
    'answers one 201 and 409 USERNAME_TAKEN to the rest, round after round, and the admin chain stays whole',
    async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const username = `tv.dua.${round}`;
        const answers = await race('/api/admin/users', (i) => ({
          username,
          fullName: `Người thứ ${i}`,
          password: 'mat-khau-dai-du',
          roles: ['counsellor'],
          schoolIds: [w.schoolA],
        }));
        expect({ round, tally: tally(answers) }).toEqual({
          round,
          tally: { 201: 1, '409 USERNAME_TAKEN': RACERS - 1 },
        });
        expect(
          Number((await world.pg.query(`SELECT count(*) FROM app_user WHERE username = $1`, [username])).rows[0].count),
        ).toBe(1);
      }
      const created = (await world.pg.query(`SELECT count(*) FROM admin_audit_event WHERE type = 'USER_CREATED'`))
        .rows[0].count;
      expect(Number(created)).toBe(ROUNDS);
      expect((await t.http().get('/api/admin/audit/verify').set(auth(w.users.adminW)).expect(200)).body.valid).toBe(
        true,
      );
    },
    SLOW,
  );

  it(
    'answers one 201 and 409 CODE_TAKEN to the rest for the same ward code and the same school code',
    async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const wards = await race('/api/admin/wards', (i) => ({ code: `RW${round}`, name: `Phường đua ${i}` }));
        expect({ round, wards: tally(wards) }).toEqual({ round, wards: { 201: 1, '409 CODE_TAKEN': RACERS - 1 } });
        const schools = await race('/api/admin/schools', (i) => ({
          wardId: w.ward,
          code: `RS${round}`,
          name: `Trường đua ${i}`,
        }));
        expect({ round, schools: tally(schools) }).toEqual({
          round,
          schools: { 201: 1, '409 CODE_TAKEN': RACERS - 1 },
        });
      }
      expect((await t.http().get('/api/admin/audit/verify').set(auth(w.users.adminW)).expect(200)).body.valid).toBe(
        true,
      );
    },
    SLOW,
  );
});
