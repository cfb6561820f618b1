import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createChallenge, verifySolution } from 'altcha-lib';
import type { Challenge, Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { createHmac, randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { labelTextOf } from '@dh/labels';
import { IntakeException, IntakeExceptionCode } from '../intake.exception';

export const ALTCHA_ALGORITHM = 'PBKDF2/SHA-256';
// Long enough for a slow phone to solve it and a child to write their report after, short enough that a
// stock of solved challenges goes stale.
export const CHALLENGE_TTL_SECONDS = 30 * 60;

export type AltchaChallenge = Required<Pick<Challenge, 'parameters' | 'signature'>>;
// Why a payload is refused, named in the answer's details.
export type AltchaProblem = 'malformed' | 'invalid' | 'expired' | 'used';

type Payload = { challenge: AltchaChallenge; solution: Solution };

// The public form's proof of work (ALTCHA v2, self-hosted: nothing leaves the server). A challenge is signed
// with a key derived from ALTCHA_HMAC_KEY; the solver must find the counter whose PBKDF2 key starts with the
// given prefix. The challenge's expiry is a signed field of our own (`data.expires`) checked on the injectable
// clock, since the library's `expiresAt` is checked against the wall clock.
@Injectable()
export class ProofOfWorkService {
  private readonly signatureSecret: string;
  private readonly keySecret: string;

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    // Two keys from one secret: the challenge's signature and the derived key's, as the library asks.
    const derive = (label: string) =>
      createHmac('sha256', config.altcha.hmacKey).update(`altcha:${label}`).digest('base64url');
    this.signatureSecret = derive('challenge');
    this.keySecret = derive('key');
  }

  async challenge(): Promise<AltchaChallenge> {
    const { cost, maxNumber } = this.config.altcha;
    const expires = Math.floor(this.clock.now().getTime() / 1000) + CHALLENGE_TTL_SECONDS;
    const made = await createChallenge({
      algorithm: ALTCHA_ALGORITHM,
      cost,
      counter: randomInt(Math.ceil(maxNumber / 2), maxNumber + 1),
      deriveKey,
      data: { expires },
      hmacSignatureSecret: this.signatureSecret,
      hmacKeySignatureSecret: this.keySecret,
    });
    return { parameters: made.parameters, signature: String(made.signature) };
  }

  // Accepts a solved challenge once: checked (signature, key, expiry), then spent in PostgreSQL so that no
  // instance takes it again. Refused with a 400 naming `altcha` and why; nothing else is written.
  async spend(altcha: string): Promise<void> {
    const payload = decode(altcha);
    if (!payload) throw refused('malformed');
    const result = await verifySolution({
      challenge: payload.challenge,
      solution: payload.solution,
      deriveKey,
      hmacSignatureSecret: this.signatureSecret,
      hmacKeySignatureSecret: this.keySecret,
    }).catch(() => null);
    if (!result?.verified) throw refused('invalid');
    const now = this.clock.now();
    const expires = Number(payload.challenge.parameters.data?.expires);
    if (!Number.isFinite(expires) || expires * 1000 <= now.getTime()) throw refused('expired');
    await this.source.query(`DELETE FROM altcha_spent WHERE expires_at < $1`, [now]);
    const spent: unknown[] = await this.source.query(
      `INSERT INTO altcha_spent (signature, expires_at) VALUES ($1, $2) ON CONFLICT (signature) DO NOTHING RETURNING signature`,
      [payload.challenge.signature, new Date(expires * 1000)],
    );
    if (spent.length === 0) throw refused('used');
  }
}

const PROBLEM_VI: Record<AltchaProblem, string> = {
  malformed: 'Dữ liệu xác minh không đọc được',
  invalid: 'Lời giải xác minh không đúng',
  expired: 'Bài toán xác minh đã hết hạn',
  used: 'Lời giải xác minh đã được dùng',
};
const refused = (problem: AltchaProblem) =>
  new IntakeException(IntakeExceptionCode.PROOF_OF_WORK_REFUSED, [
    { field: 'altcha', label: labelTextOf('altcha'), problems: [`${PROBLEM_VI[problem]} / ${problem}`] },
  ]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// The widget's payload: base64 of JSON {challenge: {parameters, signature}, solution: {counter, derivedKey}}.
const decode = (altcha: string): Payload | null => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(altcha, 'base64').toString('utf8'));
  } catch {
    return null;
  }
  if (!isObject(parsed) || !isObject(parsed.challenge) || !isObject(parsed.solution)) return null;
  const { challenge, solution } = parsed;
  if (!isObject(challenge.parameters) || typeof challenge.signature !== 'string' || challenge.signature.length > 200)
    return null;
  if (typeof solution.counter !== 'number' || typeof solution.derivedKey !== 'string') return null;
  return parsed as unknown as Payload;
};
