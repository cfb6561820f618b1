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

// A count, or "<5" where it would single out fewer than five learners (DOMAIN.md: ward reports).
export type Cell = number | '<5';
export type Breakdown = Record<string, Cell>;
export type SchoolCaseFigures = {
  schoolId: string;
  code: string;
  name: string;
  // Whether cells of one to four learners are shown as "<5" (the ward's view) or counted (the school's own).
  masked: boolean;
  open: { total: Cell; byStage: Breakdown; byRisk: Breakdown; byArea: Breakdown; byChannel: Breakdown };
  closedThisSchoolYear: Cell;
};
export type WardCaseFigures = { schoolYear: string; from: string; asOf: string; schools: SchoolCaseFigures[] };

type Count = { n: number; learners: number };

// case@2 keeps case@1's stages: the top-level states, without `closed`, are the open stages.
const OPEN_STAGES = Object.keys(caseMachines['case@1'].machine.config.states ?? {}).filter((s) => s !== 'closed');
const NONE: Count = { n: 0, learners: 0 };

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
    return {
      schoolYear: `${startYear}-${startYear + 1}`,
      from: from.toISOString(),
      asOf: now.toISOString(),
      schools: schools.map((s) => {
        const masked = !readable.includes(s.id);
        const cell = (c: Count): Cell => (masked && c.learners > 0 && c.learners < 5 ? '<5' : c.n);
        const breakdown = (keys: readonly string[], counts: Map<string, Map<string, Count>>): Breakdown =>
          Object.fromEntries(keys.map((k) => [k, cell(counts.get(s.id)?.get(k) ?? NONE)]));
        return {
          schoolId: s.id,
          code: s.code,
          name: s.name,
          masked,
          open: {
            total: cell(total.get(s.id)?.get('all') ?? NONE),
            byStage: breakdown(OPEN_STAGES, byStage),
            byRisk: breakdown(RISK_LEVELS, byRisk),
            byArea: breakdown(AREA_CODES, byArea),
            byChannel: breakdown(CHANNELS, byChannel),
          },
          closedThisSchoolYear: cell(closed.get(s.id)?.get('all') ?? NONE),
        };
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
    school.set(r.key, { n: r.n, learners: r.learners });
    out.set(r.school_id, school);
  }
  return out;
};
