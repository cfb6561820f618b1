import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LocalTime } from '@dh/calendar';
import { CaseService, CaseTransitionService } from '@dh/cases';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { ConsentService } from '@dh/consent';
import { AuditorGrantsService, Caller, School, UserService, Ward } from '@dh/identity';
import { PublicIntakeService } from '@dh/intake';
import { LearnerService } from '@dh/learners';
import { DirectorySeedService, ServiceProvider } from '@dh/directory';
import { CaseRecordsService } from '@dh/records';
import {
  DEMO_CASES,
  DEMO_FAMILY,
  DEMO_NARRATIVE,
  DEMO_PASSWORD,
  DEMO_PUBLIC_REPORT,
  DEMO_SCHOOLS,
  DEMO_USERS,
  DEMO_WARD,
  DemoStep,
  demoEmail,
} from './demo-data';

@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly users: UserService,
    private readonly learners: LearnerService,
    private readonly cases: CaseService,
    private readonly transitions: CaseTransitionService,
    private readonly auditorGrants: AuditorGrantsService,
    private readonly directory: DirectorySeedService,
    private readonly consents: ConsentService,
    private readonly intake: PublicIntakeService,
    private readonly records: CaseRecordsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // Once: a second start finds the ward and leaves everything as it is.
  async seedOnce(): Promise<boolean> {
    if (await this.source.getRepository(Ward).existsBy({ code: DEMO_WARD.code })) return false;
    const ward = await this.users.createWard(DEMO_WARD.code, DEMO_WARD.name);
    const schools = new Map<string, School>();
    for (const s of DEMO_SCHOOLS) schools.set(s.code, await this.users.createSchool(ward.id, s.code, s.name));
    const callers = new Map<string, Caller>();
    for (const u of DEMO_USERS) {
      const school = u.school ? schools.get(u.school) : undefined;
      const user = await this.users.createUser({
        username: u.username,
        fullName: u.fullName,
        password: DEMO_PASSWORD,
        roles: u.roles,
        schoolIds: school ? [school.id] : [],
        wardId: ward.id,
        email: demoEmail(u.username),
      });
      callers.set(u.username, {
        id: user.id,
        username: user.username,
        fullName: user.fullName,
        roles: user.roles,
        schoolIds: school ? [school.id] : [],
        wardId: ward.id,
        requestId: 'demo-seed',
      });
    }
    await this.grantInspector(callers.get('admin') as Caller, callers.get('thanhtra') as Caller, [...schools.values()]);
    // The demo ward's directory of services starts from the seed file, as every new ward's does.
    await this.directory.seedWard(ward.id, callers.get('admin') as Caller, 'demo-seed');
    await this.seedCases(
      schools.get('DD') as School,
      callers.get('tv.dongda') as Caller,
      callers.get('tt.dongda') as Caller,
    );
    await this.seedCases(
      schools.get('KL') as School,
      callers.get('tv.kimlien') as Caller,
      callers.get('tt.kimlien') as Caller,
      2,
    );
    // An anonymous report from the public form, waiting in Đống Đa's intake queue for tt.dongda to assign and name its learner.
    await this.intake.accept(
      { schoolCode: 'DD', whatIsHappening: DEMO_PUBLIC_REPORT, contact: 'Bạn cùng lớp, Zalo 0900 000 111' },
      'demo-seed',
    );
    this.logger.log(`demo data created: ${DEMO_USERS.length} users, ${DEMO_SCHOOLS.length} schools`);
    return true;
  }

  // The demo inspector reaches both schools the way a real one does: through the admin's grants, in the admin chain.
  private async grantInspector(admin: Caller, auditor: Caller, schools: School[]): Promise<void> {
    // As long as a grant may run (GRANT_MAX_DAYS): the demo inspector's access ends and is renewed like a real one's.
    const expiresAt = new Date(this.clock.now().getTime() + this.config.grantMaxDays * 86_400_000);
    for (const school of schools) {
      await this.auditorGrants.issue(admin, {
        auditorId: auditor.id,
        schoolId: school.id,
        reason: 'Dữ liệu mẫu: thanh tra công tác tư vấn học đường.',
        expiresAt,
      });
    }
  }

  private async seedCases(
    school: School,
    counsellor: Caller,
    supervisor: Caller,
    limit = DEMO_CASES.length,
  ): Promise<void> {
    for (const demo of DEMO_CASES.slice(0, limit)) {
      const learner = await this.learners.create(counsellor, {
        schoolId: school.id,
        fullName: demo.learner,
        dateOfBirth: demo.dob,
        sex: demo.sex,
        className: demo.className,
        guardians: DEMO_FAMILY,
      });
      let view = await this.cases.open(counsellor, {
        schoolId: school.id,
        learnerId: learner.id,
        areas: [
          { code: 'tam_ly', priority: 1 },
          { code: 'hoc_tap', priority: 2 },
        ],
        channel: 'giao_vien',
        summary: demo.summary,
        riskLevel: demo.risk as 'low',
        riskRationale: 'Đánh giá ban đầu khi tiếp nhận.',
        ...DEMO_NARRATIVE,
      });
      // The mother told the same day, as the sample family contacts log shows.
      await this.records.recordFamilyContact(counsellor, view.id, {
        contactedAt: this.clock.now().toISOString(),
        person: { fullName: DEMO_FAMILY[1].fullName, relationship: 'mẹ' },
        how: 'dien_thoai',
        content: 'Thông báo việc nhà trường tiếp nhận thông tin và mời gia đình phối hợp.',
        agreed: 'Gia đình đến trường trao đổi vào tuần tới.',
      });
      for (const step of demo.steps) {
        const by = step.by === 'counsellor' ? counsellor : supervisor;
        const payload = step.referTo
          ? { ...step.payload, receiverId: await this.consentToRefer(counsellor, view.id, school.wardId, step) }
          : step.payload;
        view = await this.transitions.apply(by, view.id, { type: step.type, payload, expectedVersion: view.version });
      }
    }
  }

  // The receiver of the step's kind in the ward's directory, with the guardian's and the learner's consent to it
  // (every demo learner is over 7).
  private async consentToRefer(counsellor: Caller, caseId: string, wardId: string, step: DemoStep): Promise<string> {
    const receiver = await this.source
      .getRepository(ServiceProvider)
      .findOneByOrFail({ wardId, kind: step.referTo, active: true });
    const givenAt = new LocalTime(this.config.tzName).of(this.clock.now()).date;
    const scope = {
      kind: 'referral' as const,
      receiverId: receiver.id,
      purpose: 'Chuyển gửi để được đánh giá tâm lý chuyên sâu.',
    };
    await this.consents.record(counsellor, caseId, {
      givenBy: 'guardian',
      guardian: { fullName: DEMO_FAMILY[1].fullName, relationship: 'mẹ' },
      scope,
      givenAt,
      how: 'van_ban',
    });
    await this.consents.record(counsellor, caseId, { givenBy: 'learner', scope, givenAt, how: 'truc_tiep' });
    return receiver.id;
  }
}
