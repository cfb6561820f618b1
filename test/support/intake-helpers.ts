import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { TestApp } from './test-app';

export const INTAKE_PATH = '/api/public/intake';
export const CHALLENGE_PATH = '/api/public/intake/challenge';

// What the form's widget does: fetch a challenge, solve it, send base64 of JSON {challenge, solution} as `altcha`.
export const solvedAltcha = async (t: Pick<TestApp, 'http'>): Promise<string> => {
  const res = await t.http().get(CHALLENGE_PATH);
  if (res.status !== 200) throw new Error(`challenge: expected 200, got ${res.status} ${JSON.stringify(res.body)}`);
  const solution = await solveChallenge({ challenge: res.body, deriveKey });
  if (!solution) throw new Error('challenge: no solution found');
  return Buffer.from(JSON.stringify({ challenge: res.body, solution })).toString('base64');
};

// An hour and a minute: both of the form's throttle windows have passed.
export const FRESH_WINDOWS_MS = 61 * 60_000;

// Posts the public form as a person would, its proof of work solved (a body's own `altcha` replaces it, and
// `altcha: undefined` leaves it out); `expectStatus`, when given, is checked with the body in the message.
export const report = async (
  t: TestApp,
  body: Record<string, unknown>,
  expectStatus?: number,
  headers: Record<string, string> = {},
): Promise<Response> => {
  const res = await t
    .http()
    .post(INTAKE_PATH)
    .set(headers)
    .send({ altcha: await solvedAltcha(t), ...body });
  if (expectStatus !== undefined && res.status !== expectStatus)
    throw new Error(`public form: expected ${expectStatus}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res;
};

// Sends a report with a fresh throttle allowance and returns the case it opened (found through its tracking code's digest).
export const reportCase = async (
  t: TestApp,
  body: Record<string, unknown>,
): Promise<{ trackingCode: string; caseId: string }> => {
  t.clock.advance(FRESH_WINDOWS_MS);
  const before = await publicCaseIds(t);
  const res = await report(t, body, 202);
  const created = (await publicCaseIds(t)).filter((id) => !before.includes(id));
  if (created.length !== 1) throw new Error(`expected one new case, found ${created.length}`);
  return { trackingCode: res.body.trackingCode, caseId: created[0] };
};

export const publicCaseIds = async (t: TestApp): Promise<string[]> =>
  (await t.app.get(DataSource).query(`SELECT id FROM "case" WHERE opened_by IS NULL ORDER BY created_at, id`)).map(
    (r: { id: string }) => r.id,
  );
