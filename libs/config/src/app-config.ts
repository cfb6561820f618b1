import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

export type AppConfig = {
  nodeEnv: string;
  port: number;
  databaseUrl: string | null;
  // The role that owns the schema and runs migrations (`migrate`, and at start when set); DATABASE_URL's role
  // then owns nothing and is granted what it needs. Null: one role does both (and always on the embedded default).
  migrationDatabaseUrl: string | null;
  dataDir: string;
  jwtSecret: string;
  jwtExpiresInSeconds: number;
  dataKey: string;
  // The key DATA_KEY replaces, only while `rotate-data-key` runs and instances restart.
  dataKeyPrevious: string | null;
  slaPolicyFile: string | null;
  holidaysDir: string;
  // The receivers a new ward's directory of services starts with (seed-directory, the demo ward).
  directorySeedFile: string;
  // The templates of Forms 01–04 (mau-0N.vM.json), checked at start.
  formsDir: string;
  // The layout and words of the reports' .docx and .xlsx (libs/reports/src/report-export).
  reportTemplateFile: string;
  retentionPolicyFile: string;
  // How many working days a school has to answer a learner's or guardian's data request (Law 91/2025).
  dataRequestWorkingDays: number;
  // How many working days a transfer request waits for the receiving school before it expires.
  transferRequestWorkingDays: number;
  // The built web app (vite build of apps/web), served at `/`; absent, the server answers the API alone.
  webDir: string;
  // Signs the audit checkpoints: an Ed25519 private key, base64 PKCS#8 DER (or PEM). Never stored in the database.
  auditSigningKey: string;
  // Where each checkpoint is written as a JSON file, for the operator to copy out of the machine.
  checkpointDir: string;
  escalationSweepMs: number;
  schedulerEnabled: boolean;
  tzName: string;
  seedDemo: boolean;
  // The public form's proof of work (ALTCHA): the HMAC key that signs its challenges, the PBKDF2 iterations of
  // one attempt, and the highest counter a solver may have to reach (the work grows with cost × maxNumber).
  altcha: { hmacKey: string; cost: number; maxNumber: number };
  // More than `reports` public reports for one school within `minutes`: the next are marked for bulk triage and
  // summed up in one alert per supervisor instead of one alert each.
  intakeFlood: { reports: number; minutes: number };
  // A roster file (libs/learners roster-import): its largest size, held in memory while it is read, and the most
  // rows one import takes.
  rosterImport: { maxBytes: number; maxRows: number };
  // The longest an auditor's or a principal's grant may run, in days from its issue.
  grantMaxDays: number;
  // Refuse the password alone to a user whose role calls for a second factor (libs/identity/src/second-factor)
  // and who has none confirmed. On by default in production (the first admin is enrolled at the console:
  // `enrol-second-factor`); off in development and on the demo. An enrolled factor is asked for either way.
  secondFactorEnforced: boolean;
  // LibreOffice's soffice, which turns a form's .docx into PDF (?format=pdf): a path, or a name looked up on PATH;
  // a conversion running longer than timeoutMs is killed.
  soffice: { path: string; timeoutMs: number };
  attachments: AttachmentsConfig;
  delivery: DeliveryConfig;
};

// A case's attached files (libs/records/src/attachments): the largest one accepted, and the clamd that scans each
// upload before it is stored (null: uploads are not scanned), and where the sealed bytes go: the directory
// ATTACHMENTS_DIR, or PostgreSQL (case_attachment_chunk) when it is null.
export type AttachmentsConfig = {
  maxBytes: number;
  dir: string | null;
  clamd: { socket: string } | { host: string; port: number } | null;
  clamdTimeoutMs: number;
};

// How alerts leave the app (libs/delivery). A channel without its address is off: nothing is queued for it.
export type DeliveryConfig = {
  smtpUrl: string | null;
  smtpFrom: string | null;
  // Refuse to send over a connection the server did not upgrade with STARTTLS.
  smtpRequireTls: boolean;
  // Check the mail server's certificate (false only for a server with a certificate of its own making).
  smtpVerifyTls: boolean;
  // The web app's address as people reach it: mail links to `${publicUrl}/ho-so/<case>`.
  publicUrl: string;
  webhookUrl: string | null;
  webhookSecret: string | null;
  // A gateway that has not answered by then is tried again later.
  webhookTimeoutMs: number;
  everyMs: number;
  // A message waiting longer than this turns health to degraded.
  degradedAfterMinutes: number;
};

export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Cấu hình không hợp lệ / invalid configuration: ${variable} ${reason}`);
  }
}

const intVar = (env: Env, name: string, fallback: number, min: number, max: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
};

const boolVar = (env: Env, name: string, fallback: boolean): boolean => {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${env[name]}"`);
};

const urlVar = (env: Env, name: string): string | null => {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a URL (expected postgres://user@host:port/database)');
  }
  if (!['postgres:', 'postgresql:'].includes(url.protocol)) {
    throw new ConfigError(name, `must start with postgres:// (got ${url.protocol}//)`);
  }
  return raw;
};

const timeZoneVar = (env: Env, name: string, fallback: string): string => {
  const value = env[name] || fallback;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    throw new ConfigError(name, `is not a known IANA time zone: "${value}"`);
  }
  return value;
};

// Secrets: required in production; in development generated once and kept beside the data,
// so a restart keeps tokens, encrypted values and the checkpoints' signing key as they were.
const secretVar = (
  env: Env,
  name: string,
  production: boolean,
  dataDir: string,
  check: (raw: string) => void,
  generate: () => string,
): string => {
  const raw = env[name];
  if (raw !== undefined && raw !== '') {
    check(raw);
    return raw;
  }
  if (production) throw new ConfigError(name, 'must be set when NODE_ENV=production (never generated in production)');
  const file = join(dataDir, 'secrets.json');
  const stored: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  if (!stored[name]) {
    stored[name] = generate();
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return stored[name];
};

const longSecret = (name: string) => ({
  check: (raw: string) => {
    if (raw.length < 32) throw new ConfigError(name, 'must be at least 32 characters');
  },
  generate: () => randomBytes(32).toString('base64'),
});

// An Ed25519 private key as base64 PKCS#8 DER (what `generate` writes) or as PEM.
export const parseSigningKey = (raw: string) =>
  raw.trim().startsWith('-----BEGIN')
    ? createPrivateKey(raw)
    : createPrivateKey({ key: Buffer.from(raw.trim(), 'base64'), format: 'der', type: 'pkcs8' });

const signingKey = {
  check: (raw: string) => {
    let type: string | undefined;
    try {
      type = parseSigningKey(raw).asymmetricKeyType;
    } catch {
      type = undefined;
    }
    if (type !== 'ed25519')
      throw new ConfigError('AUDIT_SIGNING_KEY', 'must be an Ed25519 private key, base64 PKCS#8 DER or PEM');
  },
  generate: () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
};

const previousKeyVar = (env: Env, dataKey: string): string | null => {
  const raw = env.DATA_KEY_PREVIOUS;
  if (raw === undefined || raw === '') return null;
  if (raw.length < 32) throw new ConfigError('DATA_KEY_PREVIOUS', 'must be at least 32 characters');
  if (raw === dataKey) throw new ConfigError('DATA_KEY_PREVIOUS', 'must differ from DATA_KEY');
  return raw;
};

const addressVar = (env: Env, name: string, protocols: string[]): string | null => {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `is not a URL (expected ${protocols[0]}//host…)`);
  }
  if (!protocols.includes(url.protocol))
    throw new ConfigError(
      name,
      `must start with ${protocols.map((p) => `${p}//`).join(' or ')} (got ${url.protocol}//)`,
    );
  return raw;
};

const deliveryConfig = (env: Env, port: number): DeliveryConfig => {
  const smtpUrl = addressVar(env, 'SMTP_URL', ['smtp:', 'smtps:']);
  const smtpFrom = env.SMTP_FROM?.trim() || null;
  if (smtpUrl && !smtpFrom) throw new ConfigError('SMTP_FROM', 'must be set with SMTP_URL (the sender people see)');
  const webhookUrl = addressVar(env, 'ALERT_WEBHOOK_URL', ['https:', 'http:']);
  const webhookSecret = env.ALERT_WEBHOOK_SECRET || null;
  if (webhookUrl && (!webhookSecret || webhookSecret.length < 32))
    throw new ConfigError('ALERT_WEBHOOK_SECRET', 'must be set with ALERT_WEBHOOK_URL, at least 32 characters');
  const publicUrl = addressVar(env, 'PUBLIC_URL', ['https:', 'http:']) ?? `http://localhost:${port}`;
  return {
    smtpUrl,
    smtpFrom,
    smtpRequireTls: boolVar(env, 'SMTP_REQUIRE_TLS', false),
    smtpVerifyTls: boolVar(env, 'SMTP_VERIFY_TLS', true),
    publicUrl: publicUrl.replace(/\/+$/, ''),
    webhookUrl,
    webhookSecret: webhookUrl ? webhookSecret : null,
    webhookTimeoutMs: intVar(env, 'ALERT_WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
    everyMs: intVar(env, 'DELIVERY_EVERY_MS', 15_000, 1_000, 3600_000),
    degradedAfterMinutes: intVar(env, 'OUTBOX_DEGRADED_AFTER_MINUTES', 60, 1, 7 * 24 * 60),
  };
};

export const loadConfig = (env: Env = process.env): AppConfig => {
  const nodeEnv = env.NODE_ENV || 'development';
  const production = nodeEnv === 'production';
  const databaseUrl = urlVar(env, 'DATABASE_URL');
  const migrationDatabaseUrl = urlVar(env, 'MIGRATION_DATABASE_URL');
  if (migrationDatabaseUrl && !databaseUrl) {
    throw new ConfigError('MIGRATION_DATABASE_URL', 'needs DATABASE_URL as well (the embedded default has one role)');
  }
  const dataDir = resolve(env.DATA_DIR || './data');
  const slaPolicyFile = env.SLA_POLICY_FILE || null;
  if (slaPolicyFile && !existsSync(slaPolicyFile))
    throw new ConfigError('SLA_POLICY_FILE', `file not found: ${slaPolicyFile}`);
  const directorySeedFile = env.DIRECTORY_SEED_FILE || null;
  if (directorySeedFile && !existsSync(directorySeedFile))
    throw new ConfigError('DIRECTORY_SEED_FILE', `file not found: ${directorySeedFile}`);
  const secret = (name: string, kind: ReturnType<typeof longSecret>) =>
    secretVar(env, name, production, dataDir, kind.check, kind.generate);
  const dataKey = secret('DATA_KEY', longSecret('DATA_KEY'));
  const port = intVar(env, 'PORT', 3000, 1, 65535);
  return {
    nodeEnv,
    port,
    databaseUrl,
    migrationDatabaseUrl,
    dataDir,
    jwtSecret: secret('JWT_SECRET', longSecret('JWT_SECRET')),
    jwtExpiresInSeconds: intVar(env, 'JWT_EXPIRES_IN_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    dataKey,
    dataKeyPrevious: previousKeyVar(env, dataKey),
    slaPolicyFile,
    holidaysDir: resolve(env.HOLIDAYS_DIR || 'config/holidays'),
    directorySeedFile: resolve(directorySeedFile ?? 'config/directory/default.json'),
    formsDir: resolve(env.FORMS_DIR || 'config/forms'),
    reportTemplateFile: resolve(env.REPORT_TEMPLATE_FILE || 'config/reports/report-template.json'),
    retentionPolicyFile: resolve(env.RETENTION_POLICY_FILE || 'config/retention.json'),
    dataRequestWorkingDays: intVar(env, 'DATA_REQUEST_WORKING_DAYS', 3, 1, 60),
    transferRequestWorkingDays: intVar(env, 'TRANSFER_REQUEST_WORKING_DAYS', 10, 1, 60),
    webDir: resolve(env.WEB_DIR || 'apps/web/dist'),
    auditSigningKey: secret('AUDIT_SIGNING_KEY', signingKey),
    checkpointDir: resolve(env.CHECKPOINT_DIR || join(dataDir, 'checkpoints')),
    escalationSweepMs: intVar(env, 'ESCALATION_SWEEP_MS', 60000, 1000, 24 * 3600 * 1000),
    schedulerEnabled: boolVar(env, 'SCHEDULER_ENABLED', true),
    tzName: timeZoneVar(env, 'TZ_NAME', 'Asia/Ho_Chi_Minh'),
    // Demo data only on the embedded default unless asked for.
    seedDemo: boolVar(env, 'SEED_DEMO', databaseUrl === null),
    // On in production: the roles that need a second factor cannot sign in with a password alone.
    secondFactorEnforced: boolVar(env, 'SECOND_FACTOR_ENFORCED', production),
    altcha: {
      hmacKey: secret('ALTCHA_HMAC_KEY', longSecret('ALTCHA_HMAC_KEY')),
      cost: intVar(env, 'ALTCHA_COST', 1_000, 1, 1_000_000),
      maxNumber: intVar(env, 'ALTCHA_MAX_NUMBER', 5_000, 2, 10_000_000),
    },
    intakeFlood: {
      reports: intVar(env, 'INTAKE_FLOOD_REPORTS', 10, 1, 10_000),
      minutes: intVar(env, 'INTAKE_FLOOD_MINUTES', 10, 1, 24 * 60),
    },
    rosterImport: {
      maxBytes: intVar(env, 'ROSTER_IMPORT_MAX_BYTES', 10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
      maxRows: intVar(env, 'ROSTER_IMPORT_MAX_ROWS', 20_000, 10, 200_000),
    },
    // One school year by default (from one September to the next): an inspection or a principal's access is
    // renewed, with a reason, at least once a year.
    grantMaxDays: intVar(env, 'GRANT_MAX_DAYS', 365, 1, 1830),
    // A cold start of LibreOffice with a fresh profile takes seconds on a small school server: the default is generous.
    soffice: {
      path: env.SOFFICE_PATH?.trim() || 'soffice',
      timeoutMs: intVar(env, 'SOFFICE_TIMEOUT_MS', 120_000, 1_000, 600_000),
    },
    attachments: attachmentsConfig(env),
    delivery: deliveryConfig(env, port),
  };
};

const attachmentsConfig = (env: Env): AttachmentsConfig => {
  const socket = env.CLAMD_SOCKET?.trim();
  const host = env.CLAMD_HOST?.trim();
  if (socket && host) throw new ConfigError('CLAMD_SOCKET', 'set CLAMD_SOCKET or CLAMD_HOST, not both');
  const dir = env.ATTACHMENTS_DIR?.trim() || null;
  // Whether it exists and can be written is checked at start (DirectoryAttachmentStore), where a clear error stops it.
  if (dir && !isAbsolute(dir)) throw new ConfigError('ATTACHMENTS_DIR', `must be an absolute path, got "${dir}"`);
  return {
    maxBytes: intVar(env, 'ATTACHMENT_MAX_BYTES', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    dir,
    clamd: socket ? { socket } : host ? { host, port: intVar(env, 'CLAMD_PORT', 3310, 1, 65535) } : null,
    clamdTimeoutMs: intVar(env, 'CLAMD_TIMEOUT_MS', 60_000, 1_000, 600_000),
  };
};
