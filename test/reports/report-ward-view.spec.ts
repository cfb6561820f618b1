import { auth, World } from '../support/fixtures';
import { move, openCase } from '../support/case-helpers';
import { Shown, subtractionAttack, SumRule } from '../support/subtraction-attack';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

type Breakdown = { total: Shown; [group: string]: Shown | Record<string, Shown> };

// Every `by…` group of a breakdown sums to its total: what a reader knows, and what they try to undo "<5" with.
const published = (b: Breakdown) => {
  const shown: Record<string, Shown> = { total: b.total };
  const sums: SumRule[] = [];
  for (const [group, cells] of Object.entries(b)) {
    if (!group.startsWith('by') || typeof cells !== 'object') continue;
    for (const [key, v] of Object.entries(cells)) shown[`${group}.${key}`] = v;
    sums.push({ total: 'total', parts: Object.keys(cells).map((k) => `${group}.${k}`) });
  }
  return { shown, sums };
};

// The ward officer reads a submitted report's figures suppressed; from them and the sums they obey, no hidden
// count of learners can be worked out.
describe('a report as the ward reads it', () => {
  let t: TestApp;
  let w: World;
  const world = useTestWorld();
  // Seven cases: six through a teacher and one through a parent; five at medium risk, one high, one low; one of
  // them moved on to assessment.
  beforeAll(async () => {
    ({ t, w } = world);
    t.clock.set('2026-10-05T09:00:00+07:00');
    for (let i = 0; i < 5; i++) await openCase(t, w);
    await move(t, w.users.counsellorA, await openCase(t, w, { riskLevel: 'high' }), 'START_ASSESSMENT');
    await openCase(t, w, { riskLevel: 'low', body: { channel: 'cha_me' } });
  });

  it('hides 1–4 learners and whatever would give them away, and shows the school its own counts', async () => {
    const { principalA: ht, wardW: vh } = w.users;
    const body = { schoolId: w.schoolA, kind: 'semester_1', schoolYear: '2026-2027' };
    const draft = (await t.http().post('/api/reports').set(auth(ht)).send(body).expect(201)).body;
    const sent = (await t.http().post(`/api/reports/${draft.id}/submit`).set(auth(ht)).send({ version: 1 }).expect(200))
      .body;
    expect(sent.figures.casesOpened).toMatchObject({ total: 7, byRiskAtOpening: { high: 1, low: 1, medium: 5 } });

    const seen = (await t.http().get(`/api/reports/${draft.id}`).set(auth(vh)).expect(200)).body;
    const opened = seen.figures.casesOpened as Breakdown;
    expect(opened.total).toBe(7);
    expect(opened.byRiskAtOpening).toMatchObject({ high: '<5', low: '<5' });
    expect(opened.byChannel).toMatchObject({ cha_me: '<5' });
    const { shown, sums } = published(opened);
    expect(subtractionAttack(shown, sums, 1)).toEqual({});
    expect(seen.figures.openAtEnd.byStage).toMatchObject({ assessment: '<5' });
    const atEnd = published(seen.figures.openAtEnd as Breakdown);
    expect(subtractionAttack(atEnd.shown, atEnd.sums, 1)).toEqual({});
    // Nothing of the school's own records is about a learner: it passes as it is.
    expect(seen.figures.schoolRecords).toEqual(sent.figures.schoolRecords);
  });
});
