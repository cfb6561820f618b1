import { auth, Login, World } from '../support/fixtures';
import { move, openCase } from '../support/case-helpers';
import { Shown, subtractionAttack, SumRule } from '../support/subtraction-attack';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

type Open = {
  total: Shown;
  byStage: Record<string, Shown>;
  byRisk: Record<string, Shown>;
  byChannel: Record<string, Shown>;
};
type SchoolCells = { schoolId: string; open: Open };

// The sums a reader of the ward's figures knows: the stages, the risk levels and the channels each add up to
// the open total (a case counts under several areas, so the areas obey no sum).
const published = (open: Open) => {
  const shown: Record<string, Shown> = { total: open.total };
  const sums: SumRule[] = [];
  for (const [breakdown, cells] of Object.entries({
    stage: open.byStage,
    risk: open.byRisk,
    channel: open.byChannel,
  })) {
    for (const [key, v] of Object.entries(cells)) shown[`${breakdown}.${key}`] = v;
    sums.push({ total: 'total', parts: Object.keys(cells).map((k) => `${breakdown}.${k}`) });
  }
  return { shown, sums };
};

const attack = (open: Open) => {
  const { shown, sums } = published(open);
  return subtractionAttack(shown, sums, 1);
};

describe('ward figures: no "<5" cell can be recovered by subtraction from the totals and the other cells', () => {
  let t: TestApp;
  let w: World;
  const get = (who: Login, path: string, query: Record<string, string> = {}) =>
    t.http().get(path).query(query).set(auth(who)).expect(200);

  // School A: seven open cases. Stages: six at intake, one in assessment. Risk: five medium, one high, one low
  // (two hidden cells of one each, which a reader told "a hidden cell is at least 1" can still pin down).
  // Channels: six through a teacher, one through a parent.
  const world = useTestWorld();
  beforeAll(async () => {
    ({ t, w } = world);
    t.clock.set('2026-03-02T09:00:00+07:00');
    for (let i = 0; i < 5; i++) await openCase(t, w);
    await move(t, w.users.counsellorA, await openCase(t, w, { riskLevel: 'high' }), 'START_ASSESSMENT');
    await openCase(t, w, { riskLevel: 'low', body: { channel: 'cha_me' } });
  });

  it('lets the ward officer recover no hidden cell of any school', async () => {
    const { schools } = (await get(w.users.wardW, '/api/reports/ward/cases')).body as { schools: SchoolCells[] };
    const a = schools.find((s) => s.schoolId === w.schoolA) as SchoolCells;
    expect(a.open).toMatchObject({ byStage: { assessment: '<5' }, byRisk: { high: '<5', low: '<5' } });
    expect(a.open.byChannel).toMatchObject({ cha_me: '<5' });
    for (const s of schools)
      expect({ school: s.schoolId, recovered: attack(s.open) }).toEqual({ school: s.schoolId, recovered: {} });
  });

  it('lets the ward officer reading one school recover no hidden cell either', async () => {
    const { school } = (await get(w.users.wardW, '/api/reports/school/figures', { schoolId: w.schoolA })).body as {
      school: SchoolCells;
    };
    expect(attack(school.open)).toEqual({});
  });

  it('still counts exactly for the school’s principal and supervisor', async () => {
    for (const who of [w.users.principalA, w.users.supervisorA]) {
      const { school } = (await get(who, '/api/reports/school/figures', { schoolId: w.schoolA })).body as {
        school: SchoolCells;
      };
      expect(school.open).toMatchObject({
        total: 7,
        byStage: { intake: 6, assessment: 1 },
        byRisk: { medium: 5, high: 1, low: 1 },
        byChannel: { giao_vien: 6, cha_me: 1 },
      });
    }
  });
});
