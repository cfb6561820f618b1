import type { OpenAPIObject } from '@nestjs/swagger';
import { RosterImportService } from '@dh/learners';
import { generateOpenApiJson } from '../../apps/api/src/openapi/generate-openapi';
import { move, PAYLOADS, prepareReferral, sendEvent } from '../support/case-helpers';
import { base32Decode, totpCode } from '../../libs/identity/src/second-factor/totp';
import { auth, PASSWORD } from '../support/fixtures';
import { reportCase } from '../support/intake-helpers';
import { upload } from '../attachments/attachment-helpers';
import { BODIES, facilities, ListKind, PATHS, YEAR } from '../support/school-records-helpers';
import { conformance, operationsOf, recording, Seen } from '../support/openapi-conformance';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

const LEARNER = { fullName: 'Lê Văn Tám', dateOfBirth: '2013-05-14', sex: 'nam', className: '7A1' };
const NEW_PASSWORD = 'mat-khau-moi-dai-du-12';
const UNTIL = '2026-04-30T17:00:00+07:00';

// The document is what the web app's client is generated from: a walk through every route, each answer held
// against the schema the document declares for its status (no field missing, none extra, every type and enum).
describe('the answers match the OpenAPI document', () => {
  const world = useTestWorld();
  const seen: Seen[] = [];
  let doc: OpenAPIObject;
  let t: TestApp;

  beforeAll(async () => {
    doc = JSON.parse(await generateOpenApiJson()) as OpenAPIObject;
    t = recording(world.t, seen);
  });

  it('for a case from opening to follow-up, its records, referral, consents, trail and forms', async () => {
    const { users, schoolA } = world.w;
    const [c, s] = [auth(users.counsellorA), auth(users.supervisorA)];
    const learner = (
      await t
        .http()
        .post('/api/learners')
        .set(c)
        .send({ ...LEARNER, schoolId: schoolA, guardians: [{ fullName: 'Lê Thị Ba', relationship: 'mẹ' }] })
    ).body;
    await t.http().get(`/api/learners?schoolId=${schoolA}`).set(s);
    const opened = (
      await t
        .http()
        .post('/api/cases')
        .set(c)
        .send({
          schoolId: schoolA,
          learnerId: learner.id,
          areas: [{ code: 'tam_ly', priority: 1 }],
          channel: 'giao_vien',
          summary: 'Em thường xuyên buồn bã.',
          riskLevel: 'medium',
          riskRationale: 'Ban đầu.',
        })
    ).body;
    await t.http().get('/api/cases').set(s);
    await t.http().get(`/api/cases/${opened.id}`).set(s);
    const paused = (
      await t.http().post(`/api/cases/${opened.id}/clocks/pause`).set(s).send({ reason: 'Em nghỉ ốm dài ngày.' })
    ).body;
    await t.http().post(`/api/cases/${opened.id}/clocks/resume`).set(s).send({});
    const hold = { reason: 'Cơ quan điều tra yêu cầu giữ hồ sơ.' };
    await t.http().post(`/api/cases/${opened.id}/legal-hold`).set(s).send(hold);
    await t.http().post(`/api/cases/${opened.id}/legal-hold`).set(s).send(hold);
    await t.http().post(`/api/cases/${opened.id}/legal-hold/release`).set(s).send(hold);
    await t.http().post(`/api/cases/${opened.id}/legal-hold/release`).set(s).send({ reason: '' });
    const asked = { learnerId: learner.id, requestedBy: 'Mẹ em', relationship: 'mẹ', receivedAt: t.clock.now() };
    const access = (
      await t
        .http()
        .post('/api/privacy/requests')
        .set(s)
        .send({ ...asked, kind: 'access' })
    ).body;
    await t
      .http()
      .post('/api/privacy/requests')
      .set(s)
      .send({ ...asked, kind: 'nope' });
    await t.http().get('/api/privacy/requests').set(s);
    await t.http().get(`/api/privacy/requests/${access.id}`).set(s);
    await t.http().post(`/api/privacy/requests/${access.id}/export`).set(s);
    await t.http().get(`/api/privacy/requests/${access.id}/letter`).set(s);
    const fix = (
      await t
        .http()
        .post('/api/privacy/requests')
        .set(s)
        .send({ ...asked, kind: 'rectify' })
    ).body;
    await t.http().post(`/api/privacy/requests/${fix.id}/rectify`).set(s).send({ field: 'className', value: '7A2' });
    await t.http().post(`/api/privacy/requests/${access.id}/rectify`).set(s).send({ field: 'className', value: '7A2' });
    const erase = (
      await t
        .http()
        .post('/api/privacy/requests')
        .set(s)
        .send({ ...asked, kind: 'erase' })
    ).body;
    await t.http().post(`/api/privacy/requests/${erase.id}/carry-out`).set(s);
    const stale = { id: opened.id, version: paused.version + 1 };
    await sendEvent(t, users.counsellorA, stale, 'START_ASSESSMENT').expect(409);
    const assessing = await move(t, users.counsellorA, paused, 'START_ASSESSMENT');
    const planning = await move(t, users.counsellorA, assessing, 'COMPLETE_ASSESSMENT', PAYLOADS.assessmentFull());
    const monitoring = await move(t, users.counsellorA, planning, 'SUBMIT_PLAN', PAYLOADS.planFull);
    await t.http().post(`/api/cases/${opened.id}/sessions`).set(c).send(PAYLOADS.session);
    await t.http().post(`/api/cases/${opened.id}/family-contacts`).set(c).send(PAYLOADS.familyContact);
    const referral = await prepareReferral(t, world.w, opened);
    const referred = await move(t, users.counsellorA, monitoring, 'REFER', referral.payload);
    await t
      .http()
      .post(`/api/cases/${opened.id}/consents/${referral.consentIds[0]}/withdraw`)
      .set(s)
      .send({ reason: 'Gia đình đổi ý.' });
    await t.http().get(`/api/cases/${opened.id}/consents`).set(c);
    await t.http().get(`/api/cases/${opened.id}/referrals`).set(c);
    const accepted = await move(t, users.counsellorA, referred, 'REFERRAL_ACCEPTED', { receiverContact: 'BS. Minh' });
    const completed = await move(t, users.counsellorA, accepted, 'REFERRAL_COMPLETED', { feedback: 'Đã khám.' });
    const following = await move(t, users.counsellorA, completed, 'PROPOSE_CLOSURE', PAYLOADS.closureFull);
    await t.http().post(`/api/cases/${opened.id}/follow-ups`).set(c).send(PAYLOADS.followUp);
    const pdf = Buffer.from('%PDF-1.4\n% tệp thử\n%%EOF\n', 'utf8');
    const attachment = (await upload(t, users.counsellorA, opened.id, pdf, 'giay-kham.pdf').expect(201)).body;
    await upload(t, users.counsellorA, opened.id, Buffer.from('văn bản'), 'anh.png').expect(415);
    await upload(t, users.principalA, opened.id, pdf, 'giay-kham.pdf').expect(403);
    for (const by of [users.counsellorA, users.principalA]) {
      await t.http().get(`/api/cases/${opened.id}/attachments`).set(auth(by));
      await t.http().get(`/api/cases/${opened.id}/attachments/${attachment.id}/content`).set(auth(by));
    }
    const withdraw = `/api/cases/${opened.id}/attachments/${attachment.id}/withdraw`;
    await t.http().post(withdraw).set(c).send({ reason: 'Tải nhầm tệp.' }).expect(201);
    await t.http().post(withdraw).set(c).send({ reason: 'Tải nhầm tệp.' }).expect(409);
    await t.http().get(`/api/cases/${following.id}`).set(c);
    for (const by of [c, auth(users.principalA)]) {
      for (const part of ['records', 'history', 'chronology', 'history/verify', 'reporter']) {
        await t.http().get(`/api/cases/${opened.id}/${part}`).set(by);
      }
    }
    await t.http().get(`/api/cases/${opened.id}/forms/01`).set(c);
    await t.http().get(`/api/cases/${opened.id}/forms/03?referralId=${opened.id}`).set(c);
    expect(conformance(doc, seen)).toEqual([]);
  });

  it('for the public form, a report named, bulk triage, alerts, figures and checkpoints', async () => {
    const { users, schoolA } = world.w;
    await t.http().get('/api/labels');
    await t.http().get('/api/health');
    await t.http().get('/api/public/schools/TA');
    await t.http().get('/api/public/schools/ZZ9');
    const { caseId } = await reportCase(t, { schoolCode: 'TA', whatIsHappening: 'Bạn em hay khóc.' });
    const learner = (
      await t
        .http()
        .post('/api/learners')
        .set(auth(users.supervisorA))
        .send({ ...LEARNER, schoolId: schoolA, fullName: 'Phạm Thị Năm' })
    ).body;
    await t.http().post(`/api/cases/${caseId}/learner`).set(auth(users.supervisorA)).send({ learnerId: learner.id });
    await t
      .http()
      .post('/api/cases/bulk-close')
      .set(auth(users.supervisorA))
      .send({ schoolId: schoolA, reason: 'Tin báo trùng lặp.' });
    await t.http().get('/api/alerts').set(auth(users.supervisorA));
    await t
      .http()
      .post(`/api/alerts/${caseId}/ack`)
      .set(auth(users.supervisorA))
      .send({ nextAction: 'Gọi cho gia đình.' });
    await t.http().get('/api/reports/ward/cases').set(auth(users.wardW));
    await t.http().get('/api/reports/school/figures').query({ schoolId: schoolA }).set(auth(users.principalA));
    await t.http().get('/api/audit/checkpoints/latest').set(auth(users.auditorA));
    await t.http().get('/api/directory').set(auth(users.counsellorA));
    await t.http().get('/api/cases').set(auth(users.counsellorA)).set('Authorization', 'Bearer nope');
    expect(conformance(doc, seen)).toEqual([]);
  });

  it('for what a school keeps beside its cases: team, activities, training, facilities', async () => {
    const { users, schoolA, schoolB } = world.w;
    const keeper = auth(users.supervisorA);
    const where = { schoolId: schoolA, schoolYear: YEAR };
    for (const kind of Object.keys(PATHS) as ListKind[]) {
      const path = `/api/school-records/${PATHS[kind]}`;
      const created = (
        await t
          .http()
          .post(path)
          .set(keeper)
          .send({ ...where, ...BODIES[kind]() })
      ).body;
      await t
        .http()
        .post(path)
        .set(keeper)
        .send({ ...where, ...BODIES[kind]({ fromDate: '2030-01-01' }) });
      await t.http().get(path).query(where).set(auth(users.counsellorA));
      await t
        .http()
        .get(path)
        .query({ ...where, schoolId: schoolB })
        .set(keeper);
      await t.http().put(`${path}/${created.id}`).set(auth(users.principalA)).send(BODIES[kind]());
      await t.http().put(`${path}/${created.id}`).set(auth(users.counsellorA)).send(BODIES[kind]());
      await t.http().delete(`${path}/${created.id}`).set(keeper);
      await t.http().delete(`${path}/${created.id}`).set(keeper);
    }
    await t.http().get('/api/school-records/facilities').query(where).set(auth(users.wardW));
    await t
      .http()
      .put('/api/school-records/facilities')
      .set(keeper)
      .send({ ...where, ...facilities() });
    await t.http().get('/api/school-records/facilities').query(where).set(auth(users.counsellorA));
    await t
      .http()
      .put('/api/school-records/facilities')
      .set(auth(users.wardW))
      .send({ ...where, ...facilities() });
    expect(conformance(doc, seen)).toEqual([]);
  });

  it('for logging in and the admin’s work', async () => {
    const { users, ward, schoolA } = world.w;
    const a = auth(users.adminW);
    await t.http().put(`/api/admin/wards/${ward}`).set(a).send({ name: 'Phường Thử Nghiệm' });
    await t.http().post('/api/auth/login').send({ username: users.counsellorA.username, password: PASSWORD });
    await t.http().post('/api/auth/login').send({ username: users.counsellorA.username, password: 'sai-mat-khau-roi' });
    await t.http().get('/api/me').set(auth(users.counsellorA));
    await t.http().get('/api/me/schools').set(auth(users.counsellorA));
    await t.http().get(`/api/schools/${schoolA}/case-team`).set(auth(users.supervisorA));
    await t
      .http()
      .post('/api/me/password')
      .set(auth(users.counsellorA2))
      .send({ currentPassword: 'sai-mat-khau-roi', newPassword: NEW_PASSWORD });
    const account = { username: 'moi', fullName: 'Người Mới', password: NEW_PASSWORD, roles: ['counsellor'] };
    const created = (
      await t
        .http()
        .post('/api/admin/users')
        .set(a)
        .send({ ...account, schoolIds: [schoolA] })
    ).body;
    await t.http().get('/api/admin/users').set(a);
    await t
      .http()
      .put(`/api/admin/users/${created.id}/access`)
      .set(a)
      .send({ roles: ['supervisor'], schoolIds: [schoolA] });
    await t
      .http()
      .put(`/api/admin/users/${created.id}/contact`)
      .set(a)
      .send({ email: 'moi@truong.edu.vn', phone: '0912 345 678' });
    await t.http().put(`/api/admin/users/${created.id}/contact`).set(a).send({ phone: '12345' });
    await t.http().get('/api/me/notifications').set(auth(users.counsellorA));
    await t
      .http()
      .put('/api/me/notifications')
      .set(auth(users.counsellorA))
      .send({ email: 'tv@truong.edu.vn', choices: [{ channel: 'email', level: 'reminder', mode: 'digest' }] });
    await t
      .http()
      .put('/api/me/notifications')
      .set(auth(users.counsellorA))
      .send({ choices: [{ channel: 'email', level: 'protection', mode: 'off' }] });
    await t
      .http()
      .post(`/api/admin/users/${created.id}/reset-password`)
      .set(a)
      .send({ newPassword: 'mat-khau-khac-dai-du-34' });
    // The second factor: enrolled (and once more, refused), confirmed with a wrong code and a right one, reset.
    const enrolment = (await t.http().post(`/api/admin/users/${created.id}/second-factor`).set(a)).body;
    await t.http().post(`/api/admin/users/${users.supervisorB.id}/second-factor/reset`).set(a);
    await t.http().post('/api/me/second-factor/confirm').set(auth(users.counsellorA)).send({ code: '12345' });
    await t.http().post('/api/me/second-factor/confirm').set(auth(users.counsellorA)).send({ code: '123456' });
    const newcomer = { username: created.username, password: 'mat-khau-khac-dai-du-34' };
    const session = (await t.http().post('/api/auth/login').send(newcomer)).body.accessToken;
    const firstCode = totpCode(base32Decode(enrolment.secret), Math.floor(t.clock.now().getTime() / 1000));
    await t
      .http()
      .post('/api/me/second-factor/confirm')
      .set('Authorization', `Bearer ${session}`)
      .send({ code: firstCode });
    await t.http().post(`/api/admin/users/${created.id}/second-factor`).set(a);
    await t.http().post('/api/auth/login').send(newcomer);
    await t
      .http()
      .post('/api/auth/login')
      .send({ ...newcomer, code: firstCode });
    await t.http().post(`/api/admin/users/${created.id}/second-factor/reset`).set(a);
    await t.http().post(`/api/admin/users/${created.id}/disable`).set(a);
    await t.http().get('/api/admin/outbox').query({ status: 'failed' }).set(a);
    await t.http().get('/api/admin/outbox').query({ status: 'lost' }).set(a);
    await t.http().post('/api/admin/outbox/retry').set(a).send({});
    await t.http().post(`/api/admin/outbox/${created.id}/retry`).set(a);
    await t.http().post('/api/admin/wards').set(a).send({ code: 'W9', name: 'Phường Mới' });
    await t.http().get('/api/admin/wards').set(a);
    const school = (
      await t.http().post('/api/admin/schools').set(a).send({ wardId: ward, code: 'TC', name: 'Trường Mới' })
    ).body;
    await t.http().put(`/api/admin/schools/${school.id}`).set(a).send({ name: 'Trường Đổi Tên' });
    await t.http().get('/api/admin/schools').set(a);
    const grant = (
      await t
        .http()
        .post('/api/admin/auditor-grants')
        .set(a)
        .send({ auditorId: users.auditorA.id, schoolId: schoolA, reason: 'Kiểm tra.', expiresAt: UNTIL })
    ).body;
    await t.http().get('/api/admin/auditor-grants').set(a);
    await t.http().post(`/api/admin/auditor-grants/${grant.id}/revoke`).set(a);
    const opened = (await t.http().get('/api/cases').set(auth(users.supervisorA))).body.items[0];
    const confidential = (
      await t
        .http()
        .post('/api/admin/grants')
        .set(a)
        .send({ caseId: opened.id, granteeId: users.principalA.id, reason: 'Phối hợp.', expiresAt: UNTIL })
    ).body;
    await t.http().get('/api/admin/grants').set(a);
    await t.http().post(`/api/admin/grants/${confidential.id}/revoke`).set(a);
    const provider = (
      await t.http().post('/api/admin/directory').set(a).send({ name: 'Công an phường', kind: 'cong_an' })
    ).body;
    await t.http().get(`/api/directory/${provider.id}`).set(a);
    await t
      .http()
      .put(`/api/admin/directory/${provider.id}`)
      .set(a)
      .send({ name: 'Công an phường Mới', kind: 'cong_an' });
    await t.http().post(`/api/admin/directory/${provider.id}/deactivate`).set(a);
    const day = { date: '2027-03-03', kind: 'day_off', name: 'Nghỉ', decisionNumber: '12', decisionDate: '2026-02-05' };
    await t
      .http()
      .put('/api/admin/calendar/2027')
      .set(a)
      .send({ entries: [day] });
    await t.http().get('/api/admin/calendar/2027').set(a);
    await t.http().get('/api/admin/audit').set(a);
    await t.http().get('/api/admin/audit/verify').set(a);
    expect(conformance(doc, seen)).toEqual([]);
  });

  it('for a school’s report from draft to accepted, and its anchor', async () => {
    const { users, schoolA } = world.w;
    const [tt, ht, vh] = [auth(users.supervisorA), auth(users.principalA), auth(users.wardW)];
    let r = (
      await t
        .http()
        .post('/api/reports')
        .set(tt)
        .send({ schoolId: schoolA, kind: 'school_year', schoolYear: '2025-2026' })
    ).body;
    await t.http().get('/api/reports').set(tt);
    r = (
      await t
        .http()
        .patch(`/api/reports/${r.id}`)
        .set(tt)
        .send({ version: r.version, texts: { results: 'Tốt.' } })
    ).body;
    r = (await t.http().post(`/api/reports/${r.id}/refresh`).set(tt).send({ version: r.version })).body;
    r = (await t.http().post(`/api/reports/${r.id}/submit`).set(ht).send({ version: r.version })).body;
    r = (await t.http().post(`/api/reports/${r.id}/return`).set(vh).send({ version: r.version, reason: 'Bổ sung.' }))
      .body;
    r = (await t.http().post(`/api/reports/${r.id}/submit`).set(ht).send({ version: r.version })).body;
    await t.http().get(`/api/reports/${r.id}`).set(vh);
    await t.http().post(`/api/reports/${r.id}/accept`).set(vh).send({ version: r.version });
    await t.http().get(`/api/reports/${r.id}/anchor/verify`).set(ht);
    await t.http().get(`/api/reports/${r.id}/export`).query({ format: 'docx' }).set(ht);
    await t.http().get(`/api/reports/${r.id}/export`).query({ format: 'xlsx' }).set(vh);
    await t.http().get(`/api/reports/${r.id}/tables`).set(ht);
    await t.http().get('/api/reports/ward/export').query({ schoolYear: '2025-2026', kind: 'school_year' }).set(vh);
    await t.http().get('/api/reports/ward').query({ schoolYear: '2025-2026', kind: 'school_year' }).set(vh);
    await t.http().get('/api/reports/ward/review').query({ from: 2025, to: 2026 }).set(vh);
    expect(conformance(doc, seen)).toEqual([]);
  });

  it('for a personal-data breach from recording to closure, and its documents', async () => {
    const { users, schoolA } = world.w;
    const [a, ht] = [auth(users.adminW), auth(users.principalA)];
    const breaches = '/api/admin/privacy/breaches';
    const b = (
      await t
        .http()
        .post(breaches)
        .set(a)
        .send({
          description: 'Mất máy tính của tổ tư vấn.',
          detectedAt: '2026-03-01T09:00:00+07:00',
          categories: ['identity'],
          subjectsEstimate: 3,
          schoolIds: [schoolA],
          consequences: 'Lộ họ tên học sinh.',
          measuresTaken: 'Đổi mật khẩu.',
          responsible: { fullName: 'Nguyễn Văn Hùng', phone: '0912345678' },
        })
    ).body;
    expect(b.status).toBe('open');
    await t.http().get(breaches).set(ht);
    await t.http().get(`${breaches}/${b.id}`).set(ht);
    await t.http().get(`${breaches}/${b.id}/authority-letter`).set(a);
    await t.http().get(`${breaches}/${b.id}/guardian-notice`).set(ht);
    await t
      .http()
      .post(`${breaches}/${b.id}/authority-notification`)
      .set(a)
      .send({ notifiedAt: '2026-03-02T08:00:00+07:00', reference: '1/TB' });
    await t
      .http()
      .post(`${breaches}/${b.id}/guardian-notification`)
      .set(a)
      .send({ notifiedAt: '2026-03-02T08:30:00+07:00', guardiansNotified: 3, how: 'van_ban' });
    await t.http().post(`${breaches}/${b.id}/close`).set(a).send({ finding: 'confirmed', outcome: 'Đã xử lý.' });
    expect(conformance(doc, seen)).toEqual([]);
  });

  it('for a school transfer: the learner, a case, the queue, the answers, the trail kept and the package', async () => {
    const { users, schoolB } = world.w;
    const [c, sa, sb] = [auth(users.counsellorA), auth(users.supervisorA), auth(users.supervisorB)];
    const opened = (
      await t
        .http()
        .post('/api/learners')
        .set(c)
        .send({ ...LEARNER, fullName: 'Lê Văn Chín', schoolId: world.w.schoolA, confirmDistinct: true })
    ).body;
    const kase = (
      await t
        .http()
        .post('/api/cases')
        .set(c)
        .send({
          schoolId: world.w.schoolA,
          learnerId: opened.id,
          areas: [{ code: 'tam_ly', priority: 1 }],
          channel: 'giao_vien',
          summary: 'Em chuyển nhà.',
          riskLevel: 'low',
          riskRationale: 'Ban đầu.',
        })
    ).body;
    const scope = { kind: 'school_transfer', purpose: 'Chuyển trường.' };
    await t
      .http()
      .post(`/api/cases/${kase.id}/consents`)
      .set(c)
      .send({
        givenBy: 'guardian',
        guardian: { fullName: 'Lê Thị Ba', relationship: 'mẹ' },
        scope,
        givenAt: '2026-03-01',
        how: 'van_ban',
      });
    await t.http().post(`/api/cases/${kase.id}/transfers`).set(sa).send({ toSchoolId: schoolB });
    await t
      .http()
      .post(`/api/cases/${kase.id}/consents`)
      .set(c)
      .send({ givenBy: 'learner', scope, givenAt: '2026-03-01', how: 'truc_tiep' });
    await t.http().post(`/api/cases/${kase.id}/transfer-package`).set(sa);
    const learnerMove = (
      await t.http().post(`/api/learners/${opened.id}/transfers`).set(sa).send({ toSchoolId: schoolB })
    ).body;
    const caseMove = (await t.http().post(`/api/cases/${kase.id}/transfers`).set(sa).send({ toSchoolId: schoolB }))
      .body;
    await t.http().get('/api/transfers').query({ incoming: true }).set(sb);
    await t.http().get('/api/transfers/schools').set(sa);
    await t.http().get(`/api/transfers/${caseMove.id}`).set(sb);
    await t.http().post(`/api/transfers/${caseMove.id}/decline`).set(sb).send({ reason: '' });
    await t.http().post(`/api/transfers/${learnerMove.id}/accept`).set(sb).send({});
    await t.http().post(`/api/transfers/${caseMove.id}/accept`).set(sb).send({ assigneeId: users.counsellorB.id });
    await t.http().get(`/api/transfers/${caseMove.id}/history`).set(sa);
    expect(conformance(doc, seen)).toEqual([]);
  });

  it('for the record of processing, as JSON and as a Word file', async () => {
    const { users } = world.w;
    await t.http().get('/api/admin/privacy/processing-record').set(auth(users.adminW));
    await t.http().get('/api/admin/privacy/processing-record').query({ format: 'docx' }).set(auth(users.principalA));
    expect(conformance(doc, seen)).toEqual([]);
  });

  it('for a roster import from upload to its run', async () => {
    const { users, schoolA } = world.w;
    const s = auth(users.supervisorA);
    const base = `/api/schools/${schoolA}/roster-imports`;
    const csv =
      'Họ và tên,Ngày sinh,Giới tính,Lớp,Mã định danh\nĐinh Văn Nhập,14/05/2013,Nam,7A1,0010123456\n,1/1/2013,Nữ,7A1,\n';
    const up = (await t.http().post(base).set(s).attach('file', Buffer.from(csv), 'ds.csv')).body;
    await t.http().get(`${base}/${up.id}`).set(s);
    await t.http().put(`${base}/${up.id}/mapping`).set(s).send({ mapping: up.mapping });
    await t.http().post(`${base}/${up.id}/confirm`).set(s).send({ mapping: up.mapping, fullRoster: false });
    await world.t.app.get(RosterImportService).settled(up.id);
    await t.http().get(`${base}/${up.id}`).set(s);
    expect(conformance(doc, seen)).toEqual([]);
  });

  it('walked every operation of the document', () => {
    const missed = operationsOf(doc).filter(({ matches }) => !seen.some((s) => matches(s.method, s.path)));
    expect(missed.map(({ op }) => op.operationId)).toEqual([]);
  });
});
