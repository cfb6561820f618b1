import { INestApplicationContext } from '@nestjs/common';
import { CaseService } from '@dh/cases';
import type { CaseView } from '@dh/cases';
import { Caller, UserService } from '@dh/identity';
import { LearnerService } from '@dh/learners';
import type { RiskLevel } from '@dh/machines/case/types';

export const BENCH_PASSWORD = 'bench-password';

export type BenchSchool = {
  wardId: string;
  schoolId: string;
  caller: Caller;
  learnerId: string;
  // A case of the school's learner, in intake, opened by its counsellor.
  open: (riskLevel?: RiskLevel) => Promise<CaseView>;
};

// A ward, a school in it, its counsellor (who logs in with BENCH_PASSWORD) and one learner: what a bench that
// opens cases starts from.
export const benchSchool = async (app: INestApplicationContext, username: string): Promise<BenchSchool> => {
  const users = app.get(UserService);
  const ward = await users.createWard('B', 'Phường Bench');
  const school = await users.createSchool(ward.id, 'BB', 'Trường Bench');
  const fullName = 'Tư vấn viên Bench';
  const user = await users.createUser({
    username,
    fullName,
    password: BENCH_PASSWORD,
    roles: ['counsellor'],
    schoolIds: [school.id],
  });
  const caller: Caller = {
    id: user.id,
    username,
    fullName,
    roles: ['counsellor'],
    schoolIds: [school.id],
    wardId: null,
    requestId: 'bench',
  };
  const learner = await app.get(LearnerService).create(caller, {
    schoolId: school.id,
    fullName: 'Học sinh Bench',
    dateOfBirth: '2012-01-01',
    sex: 'nam',
    className: '7A',
  });
  const open = (riskLevel: RiskLevel = 'medium') =>
    app.get(CaseService).open(caller, {
      schoolId: school.id,
      learnerId: learner.id,
      areas: [{ code: 'tam_ly', priority: 1 }],
      channel: 'giao_vien',
      summary: 'Bench',
      riskLevel,
      riskRationale: 'Bench',
    });
  return { wardId: ward.id, schoolId: school.id, caller, learnerId: learner.id, open };
};
