import { readFileSync } from 'node:fs';
import { ConfigError } from '@dh/config';

// The kinds of record a case can hold, each with its own period; a case is kept for the longest that applies.
export const RECORD_KINDS = ['counselling_record', 'protection_concern', 'referral', 'consent'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

// `basis`: where the period comes from. No law sets these today, so every shipped default is the school's choice.
export const PERIOD_BASES = ['school_choice', 'law'] as const;

export type RetentionPeriod = { years: number; basis: (typeof PERIOD_BASES)[number]; note: string };
export type RetentionPolicy = { countedFrom: 'closure'; kinds: Record<RecordKind, RetentionPeriod> };

const problemsOf = (raw: unknown): string[] => {
  if (!raw || typeof raw !== 'object') return ['the file is not a JSON object'];
  const policy = raw as { countedFrom?: unknown; kinds?: Record<string, unknown> };
  const problems: string[] = [];
  if (policy.countedFrom !== 'closure') problems.push('countedFrom must be "closure"');
  const kinds = policy.kinds && typeof policy.kinds === 'object' ? policy.kinds : {};
  for (const kind of RECORD_KINDS) {
    const p = kinds[kind] as Partial<RetentionPeriod> | undefined;
    if (!p) problems.push(`kinds.${kind} is missing`);
    else {
      if (!Number.isInteger(p.years) || (p.years as number) < 1 || (p.years as number) > 100)
        problems.push(`kinds.${kind}.years must be a whole number of years from 1 to 100`);
      if (!PERIOD_BASES.includes(p.basis as RetentionPeriod['basis']))
        problems.push(`kinds.${kind}.basis must be one of ${PERIOD_BASES.join(', ')}`);
      if (typeof p.note !== 'string' || !p.note.trim()) problems.push(`kinds.${kind}.note must say why`);
    }
  }
  for (const kind of Object.keys(kinds))
    if (!(RECORD_KINDS as readonly string[]).includes(kind)) problems.push(`kinds.${kind} is not a kind of record`);
  return problems;
};

// Read once at start: a malformed policy stops the start rather than shred on a guess.
export const loadRetentionPolicy = (file: string): RetentionPolicy => {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError('RETENTION_POLICY_FILE', `${file}: ${(e as Error).message}`);
  }
  const problems = problemsOf(raw);
  if (problems.length) throw new ConfigError('RETENTION_POLICY_FILE', `${file}: ${problems.join('; ')}`);
  return raw as RetentionPolicy;
};
