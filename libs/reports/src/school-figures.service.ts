import { Inject, Injectable } from '@nestjs/common';
import { CaseFiguresService } from '@dh/cases';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { Caller } from '@dh/identity';
import { ReportClockService, ReportPeriod, schoolYearOf } from './report-clock.service';
import { suppressFigures } from './suppression';
import { Cell, SchoolCaseFigures, WardFiguresService } from './ward-figures.service';

export type SchoolFigures = {
  schoolYear: string;
  from: string;
  asOf: string;
  school: SchoolCaseFigures;
  overdue: Cell;
  reports: ReportPeriod[];
};

// One school's page of figures: the ward report's counts for it (suppressed alike for the ward), the open cases
// past a due time, and the two reports the school owes this school year.
@Injectable()
export class SchoolFiguresService {
  constructor(
    private readonly ward: WardFiguresService,
    private readonly figures: CaseFiguresService,
    private readonly reportClock: ReportClockService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async of(caller: Caller, schoolId: string): Promise<SchoolFigures> {
    // The ward figures check the caller's reach of the school (404 beyond it, 403 without the permission).
    const { schools, schoolYear, from, asOf } = await this.ward.cases(caller, schoolId);
    const school = schools[0];
    const now = this.clock.now();
    const [overdue] = await this.figures.overdueOpen([schoolId], now);
    const count = { n: overdue?.n ?? 0, people: overdue?.learners ?? 0 };
    return {
      schoolYear,
      from,
      asOf,
      school,
      // Overdue cases are some of the open ones, but no published sum holds them: only their own count is hidden.
      overdue: school.masked ? suppressFigures([count], [])[0] : count.n,
      reports: await this.reportClock.periods(schoolId, schoolYearOf(now, this.config.tzName)),
    };
  }
}
