import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { LocalTime } from '@dh/calendar';
import { AREA_CODES, CaseCountRow, CaseFiguresService, CHANNELS, OpenCaseKey, RISK_LEVELS } from '@dh/cases';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { assertAllowed, Caller, School, schoolNotFound, schoolsFor, wardFor } from '@dh/identity';
import { caseMachines } from '@dh/machines/case/registry';
import { schoolYearOf } from './report-clock.service';
import { Cell, suppressFigures } from './suppression';

// A count, or "<5" where it would single out fewer than five learners or where another "<5" could be worked
// out from it and the totals (DOMAIN.md: ward reports; ./suppression).
export type { Cell };
export type Breakdown = Record<string, Cell>;
export type SchoolCaseFigures = {
  schoolId: string;
  code: string;
  name: string;
  // Whether cells are suppressed as "<5" (the ward's view) or counted (the school's own).
  masked: boolean;
  open: { total: Cell; byStage: Breakdown; byRisk: Breakdown; byArea: Breakdown; byChannel: Breakdown };
  closedThisSchoolYear: Cell;
};
export type WardCaseFigures = { schoolYear: string; from: string; asOf: string; schools: SchoolCaseFigures[] };

type Count = { n: number; people: number };
type BreakdownName = 'byStage' | 'byRisk' | 'byArea' | 'byChannel';

// case@2 keeps case@1's stages: the top-level states, without `closed`, are the open stages.
const OPEN_STAGES = Object.keys(caseMachines['case@1'].machine.config.states ?? {}).filter((s) => s !== 'closed');
const NONE: Count = { n: 0, people: 0 };
const BREAKDOWNS: [BreakdownName, readonly string[]][] = [
  ['byStage', OPEN_STAGES],
  ['byRisk', RISK_LEVELS],
  ['byArea', AREA_CODES],
  ['byChannel', CHANNELS],
];
// The stages, risk levels and channels each add up to the open total, and a reader knows it; a case counts
// under each of its areas, so the areas obey no sum.
const SUMMED: readonly BreakdownName[] = ['byStage', 'byRisk', 'byChannel'];

// Aggregate figures only: counts per school, never a learner, a name, a case id or a case number.
@Injectable()
export class WardFiguresService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly figures: CaseFiguresService,
  ) {}

  async cases(caller: Caller, schoolId?: string): Promise<WardCaseFigures> {
    const schools = await this.schoolsOf(caller, schoolId);
    const ids = schools.map((s) => s.id);
    const now = this.clock.now();
    const startYear = schoolYearOf(now, this.config.tzName);
    const from = new LocalTime(this.config.tzName).at(`${startYear}-08-01`, 0);
    const [total, byStage, byRisk, byArea, byChannel, closed] = await Promise.all([
      this.count(ids, 'all'),
      this.count(ids, 'stage'),
      this.count(ids, 'risk'),
      this.count(ids, 'area'),
      this.count(ids, 'channel'),
      this.figures.closedSince(ids, from).then(byKey),
    ]);
    const readable = schoolsFor(caller, 'report.read');
    const counts = { total, byStage, byRisk, byArea, byChannel, closed };
    return {
      schoolYear: `${startYear}-${startYear + 1}`,
      from: from.toISOString(),
      asOf: now.toISOString(),
      schools: schools.map((s) => {
        const masked = !readable.includes(s.id);
        const count = (by: keyof typeof counts, key: string) => counts[by].get(s.id)?.get(key) ?? NONE;
        return { schoolId: s.id, code: s.code, name: s.name, masked, ...figuresOf(count, masked) };
      }),
    };
  }

  // One school when asked for (404 beyond the caller's reach), else every school the caller reaches.
  private async schoolsOf(caller: Caller, schoolId?: string): Promise<School[]> {
    const repo = this.source.getRepository(School);
    if (schoolId !== undefined) {
      const school = await repo.findOneBy({ id: schoolId });
      if (!school) throw schoolNotFound();
      assertAllowed(caller, 'report.read', school.id, schoolNotFound, { wardId: school.wardId });
      return [school];
    }
    const ward = wardFor(caller, 'report.read', 'ward');
    const where = [{ id: In(schoolsFor(caller, 'report.read')) }, ...(ward ? [{ wardId: ward }] : [])];
    return repo.find({ where, order: { code: 'ASC', id: 'ASC' } });
  }

  // Cases and distinct learners per school and key; the learner count decides the masking.
  private async count(schoolIds: string[], by: OpenCaseKey): Promise<Map<string, Map<string, Count>>> {
    return byKey(await this.figures.openCounts(schoolIds, by));
  }
}

const byKey = (rows: CaseCountRow[]): Map<string, Map<string, Count>> => {
  const out = new Map<string, Map<string, Count>>();
  for (const r of rows) {
    const school = out.get(r.school_id) ?? new Map<string, Count>();
    school.set(r.key, { n: r.n, people: r.learners });
    out.set(r.school_id, school);
  }
  return out;
};

// One school's figures, exact for its own people. For the ward, every figure goes into one list with the sums
// a reader knows and is suppressed at once: the open total is shared by three breakdowns, so a cell hidden
// to protect one breakdown is hidden in the others too.
const figuresOf = (
  count: (by: BreakdownName | 'total' | 'closed', key: string) => Count,
  masked: boolean,
): Pick<SchoolCaseFigures, 'open' | 'closedThisSchoolYear'> => {
  const figures: Count[] = [count('total', 'all')];
  const at = (c: Count) => figures.push(c) - 1;
  const layout = BREAKDOWNS.map(([name, keys]) => [name, keys.map((k) => [k, at(count(name, k))] as const)] as const);
  const closed = at(count('closed', 'all'));
  const sums = layout
    .filter(([name]) => SUMMED.includes(name))
    .map(([, cells]) => ({ total: 0, parts: cells.map(([, i]) => i) }));
  const cells = masked ? suppressFigures(figures, sums) : figures.map((c) => c.n);
  const breakdowns = Object.fromEntries(
    layout.map(([name, pairs]) => [name, Object.fromEntries(pairs.map(([k, i]) => [k, cells[i]]))]),
  ) as Record<BreakdownName, Breakdown>;
  return { open: { total: cells[0], ...breakdowns }, closedThisSchoolYear: cells[closed] };
};
