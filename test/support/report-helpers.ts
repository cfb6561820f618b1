import { auth, Login } from './fixtures';
import type { TestApp } from './test-app';

type ReportKind = 'semester_1' | 'school_year';

// A school's report drafted and submitted by its principal, as the reports page does; the answer is the submitted
// report (its clock of that kind and year is stopped).
export const submitReport = async (
  t: TestApp,
  principal: Login,
  schoolId: string,
  kind: ReportKind,
  schoolYear: string,
) => {
  const draft = (
    await t.http().post('/api/reports').set(auth(principal)).send({ schoolId, kind, schoolYear }).expect(201)
  ).body;
  return (
    await t
      .http()
      .post(`/api/reports/${draft.id}/submit`)
      .set(auth(principal))
      .send({ version: draft.version })
      .expect(200)
  ).body;
};
