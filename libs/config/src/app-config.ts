import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

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
  // The longest an auditor's or a principal's grant may run, in days from its issue.
  grantMaxDays: number;
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
// so a restart keeps tokens and encrypted values readable.
const secretVar = (env: Env, name: string, production: boolean, dataDir: string, minLength: number): string => {
  const raw = env[name];
  if (raw !== undefined && raw !== '') {
    if (raw.length < minLength) throw new ConfigError(name, `must be at least ${minLength} characters`);
    return raw;
  }
  if (production) throw new ConfigError(name, 'must be set when NODE_ENV=production (never generated in production)');
  const file = join(dataDir, 'secrets.json');
  const stored: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  if (!stored[name]) {
    stored[name] = randomBytes(32).toString('base64');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return stored[name];
};

const previousKeyVar = (env: Env, dataKey: string): string | null => {
  const raw = env.DATA_KEY_PREVIOUS;
  if (raw === undefined || raw === '') return null;
  if (raw.length < 32) throw new ConfigError('DATA_KEY_PREVIOUS', 'must be at least 32 characters');
  if (raw === dataKey) throw new ConfigError('DATA_KEY_PREVIOUS', 'must differ from DATA_KEY');
  return raw;
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
  if (slaPolicyFile && !existsSync(slaPolicyFile)) throw new ConfigError('SLA_POLICY_FILE', `file not found: ${slaPolicyFile}`);
  const directorySeedFile = env.DIRECTORY_SEED_FILE || null;
  if (directorySeedFile && !existsSync(directorySeedFile)) throw new ConfigError('DIRECTORY_SEED_FILE', `file not found: ${directorySeedFile}`);
  const dataKey = secretVar(env, 'DATA_KEY', production, dataDir, 32);
  return {
    nodeEnv,
    port: intVar(env, 'PORT', 3000, 1, 65535),
    databaseUrl,
    migrationDatabaseUrl,
    dataDir,
    jwtSecret: secretVar(env, 'JWT_SECRET', production, dataDir, 32),
    jwtExpiresInSeconds: intVar(env, 'JWT_EXPIRES_IN_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    dataKey,
    dataKeyPrevious: previousKeyVar(env, dataKey),
    slaPolicyFile,
    holidaysDir: resolve(env.HOLIDAYS_DIR || 'config/holidays'),
    directorySeedFile: resolve(directorySeedFile ?? 'config/directory/default.json'),
    formsDir: resolve(env.FORMS_DIR || 'config/forms'),
    escalationSweepMs: intVar(env, 'ESCALATION_SWEEP_MS', 60000, 1000, 24 * 3600 * 1000),
    schedulerEnabled: boolVar(env, 'SCHEDULER_ENABLED', true),
    tzName: timeZoneVar(env, 'TZ_NAME', 'Asia/Ho_Chi_Minh'),
    // Demo data only on the embedded default unless asked for.
    seedDemo: boolVar(env, 'SEED_DEMO', databaseUrl === null),
    altcha: {
      hmacKey: secretVar(env, 'ALTCHA_HMAC_KEY', production, dataDir, 32),
      cost: intVar(env, 'ALTCHA_COST', 1_000, 1, 1_000_000),
      maxNumber: intVar(env, 'ALTCHA_MAX_NUMBER', 5_000, 2, 10_000_000),
    },
    intakeFlood: { reports: intVar(env, 'INTAKE_FLOOD_REPORTS', 10, 1, 10_000), minutes: intVar(env, 'INTAKE_FLOOD_MINUTES', 10, 1, 24 * 60) },
    // One school year by default (from one September to the next): an inspection or a principal's access is
    // renewed, with a reason, at least once a year.
    grantMaxDays: intVar(env, 'GRANT_MAX_DAYS', 365, 1, 1830),
  };
};
