import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../app-config';

describe('loadConfig', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dh-config-'));
  const sut = (env: Record<string, string>) => loadConfig({ DATA_DIR: dataDir, ...env });

  it('gives the documented defaults on an empty environment', () => {
    expect(sut({})).toMatchObject({
      port: 3000,
      databaseUrl: null,
      escalationSweepMs: 60000,
      schedulerEnabled: true,
      tzName: 'Asia/Ho_Chi_Minh',
      seedDemo: true,
      altcha: { cost: 1000, maxNumber: 5000 },
      intakeFlood: { reports: 10, minutes: 10 },
      grantMaxDays: 365,
      soffice: { path: 'soffice', timeoutMs: 120_000 },
      attachments: { maxBytes: 20 * 1024 * 1024, clamd: null, dir: null },
    });
    expect(sut({ ATTACHMENTS_DIR: ' /srv/dh/tep ' }).attachments.dir).toBe('/srv/dh/tep');
    expect(sut({ CLAMD_HOST: 'av.local' }).attachments.clamd).toEqual({ host: 'av.local', port: 3310 });
    expect(sut({ CLAMD_SOCKET: '/run/clamd.ctl' }).attachments.clamd).toEqual({ socket: '/run/clamd.ctl' });
    expect(sut({ DATABASE_URL: 'postgres://u@h:5432/d' }).seedDemo).toBe(false);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x@y/z'],
    ['DATABASE_URL', 'not a url'],
    ['MIGRATION_DATABASE_URL', 'mysql://x@y/z'],
    ['ESCALATION_SWEEP_MS', '-5'],
    ['SCHEDULER_ENABLED', 'maybe'],
    ['TZ_NAME', 'Mars/Olympus'],
    ['SEED_DEMO', 'yes please'],
    ['SLA_POLICY_FILE', '/nonexistent/policy.json'],
    ['JWT_SECRET', 'short'],
    ['ALTCHA_HMAC_KEY', 'short'],
    ['ALTCHA_COST', '0'],
    ['ALTCHA_MAX_NUMBER', 'many'],
    ['INTAKE_FLOOD_REPORTS', '0'],
    ['INTAKE_FLOOD_MINUTES', '-1'],
    ['GRANT_MAX_DAYS', '0'],
    ['GRANT_MAX_DAYS', 'forever'],
    ['SECOND_FACTOR_ENFORCED', 'sometimes'],
    ['SOFFICE_TIMEOUT_MS', '10'],
    ['ATTACHMENTS_DIR', 'relative/tep'],
    ['AUDIT_SIGNING_KEY', 'not a key'],
    // An RSA key is a key, not an Ed25519 one.
    [
      'AUDIT_SIGNING_KEY',
      generateKeyPairSync('rsa', { modulusLength: 1024 })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
    ],
  ])('stops on a bad %s and names it', (name, value) => {
    expect(() => sut({ [name]: value })).toThrow(ConfigError);
    expect(() => sut({ [name]: value })).toThrow(name);
  });

  it('takes MIGRATION_DATABASE_URL only beside DATABASE_URL: the embedded default keeps one role', () => {
    expect(sut({}).migrationDatabaseUrl).toBeNull();
    expect(
      sut({ DATABASE_URL: 'postgres://app@h:5432/d', MIGRATION_DATABASE_URL: 'postgres://owner@h:5432/d' })
        .migrationDatabaseUrl,
    ).toBe('postgres://owner@h:5432/d');
    expect(() => sut({ MIGRATION_DATABASE_URL: 'postgres://owner@h:5432/d' })).toThrow(
      /MIGRATION_DATABASE_URL needs DATABASE_URL/,
    );
  });

  it('refuses to generate secrets in production, and generates them once in development', () => {
    expect(() => sut({ NODE_ENV: 'production', DATA_KEY: 'k'.repeat(40) })).toThrow(/JWT_SECRET/);
    expect(() => sut({ NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(40) })).toThrow(/DATA_KEY/);
    const signingKey = generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'der' })
      .toString('base64');
    expect(() =>
      sut({
        NODE_ENV: 'production',
        JWT_SECRET: 'j'.repeat(40),
        DATA_KEY: 'k'.repeat(40),
        AUDIT_SIGNING_KEY: signingKey,
      }),
    ).toThrow(/ALTCHA_HMAC_KEY/);
    const first = sut({});
    const second = sut({});
    expect(second.jwtSecret).toBe(first.jwtSecret);
    expect(second.altcha.hmacKey).toBe(first.altcha.hmacKey);
    expect(first.altcha.hmacKey).not.toBe(first.jwtSecret);
    expect(JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')).DATA_KEY).toBe(first.dataKey);
  });

  it('takes the checkpoints’ Ed25519 key from AUDIT_SIGNING_KEY, required in production, generated once in development', () => {
    const production = {
      NODE_ENV: 'production',
      DATA_KEY: 'k'.repeat(40),
      JWT_SECRET: 'j'.repeat(40),
      ALTCHA_HMAC_KEY: 'a'.repeat(40),
    };
    expect(() => sut(production)).toThrow(/AUDIT_SIGNING_KEY/);
    const { privateKey } = generateKeyPairSync('ed25519');
    const der = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(sut({ ...production, AUDIT_SIGNING_KEY: der }).auditSigningKey).toBe(der);
    expect(sut({ ...production, AUDIT_SIGNING_KEY: pem }).auditSigningKey).toBe(pem);
    const generated = sut({}).auditSigningKey;
    expect(
      createPrivateKey({ key: Buffer.from(generated, 'base64'), format: 'der', type: 'pkcs8' }).asymmetricKeyType,
    ).toBe('ed25519');
    expect(sut({}).auditSigningKey).toBe(generated);
    expect(sut({}).checkpointDir).toBe(join(dataDir, 'checkpoints'));
    expect(sut({ CHECKPOINT_DIR: '/srv/checkpoints' }).checkpointDir).toBe('/srv/checkpoints');
  });
});
