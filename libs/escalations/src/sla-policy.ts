import { readFileSync } from 'node:fs';
import type { Duration } from '@dh/machines/case/types';

// A ward's service levels. Defaults are DOMAIN.md's; a ward overrides them in SLA_POLICY_FILE, never in code.
export type SlaPolicy = {
  // Working days before the due time the assignee is reminded.
  reminderBeforeWorkingDays: number;
  // Working days after the due time the principal, then the ward officer, are alerted.
  principalAfterWorkingDays: number;
  wardAfterWorkingDays: number;
  // Per deadline kind: durations that replace the machine's defaults.
  deadlines: Record<string, { due?: Duration; dueWhenHighRisk?: Duration }>;
};

export const DEFAULT_SLA_POLICY: SlaPolicy = {
  reminderBeforeWorkingDays: 1,
  principalAfterWorkingDays: 2,
  wardAfterWorkingDays: 5,
  deadlines: {},
};

export class SlaPolicyError extends Error {}

const isDuration = (v: unknown): v is Duration => {
  if (!v || typeof v !== 'object') return false;
  const entries = Object.entries(v);
  return (
    entries.length === 1 &&
    ['workingDays', 'workingHours', 'calendarDays'].includes(entries[0][0]) &&
    Number.isInteger(entries[0][1]) &&
    (entries[0][1] as number) >= 0 &&
    (entries[0][1] as number) <= 366
  );
};

const wholeDays = (file: string, name: string, v: unknown, fallback: number): number => {
  if (v === undefined) return fallback;
  if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > 60) {
    throw new SlaPolicyError(`SLA_POLICY_FILE ${file}: ${name} must be a whole number of working days (0–60)`);
  }
  return v as number;
};

export const parseSlaPolicy = (file: string, raw: unknown, knownKinds: string[]): SlaPolicy => {
  if (!raw || typeof raw !== 'object') throw new SlaPolicyError(`SLA_POLICY_FILE ${file}: must be a JSON object`);
  const r = raw as Record<string, unknown>;
  const deadlines: SlaPolicy['deadlines'] = {};
  for (const [kind, value] of Object.entries((r.deadlines as Record<string, unknown>) ?? {})) {
    if (!knownKinds.includes(kind))
      throw new SlaPolicyError(
        `SLA_POLICY_FILE ${file}: unknown deadline kind "${kind}" (known: ${knownKinds.join(', ')})`,
      );
    const v = (value ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(v)) {
      if (!['due', 'dueWhenHighRisk'].includes(key) || !isDuration(v[key])) {
        throw new SlaPolicyError(
          `SLA_POLICY_FILE ${file}: deadlines.${kind}.${key} must be {"workingDays"|"workingHours"|"calendarDays": n}`,
        );
      }
    }
    deadlines[kind] = v;
  }
  return {
    reminderBeforeWorkingDays: wholeDays(
      file,
      'reminderBeforeWorkingDays',
      r.reminderBeforeWorkingDays,
      DEFAULT_SLA_POLICY.reminderBeforeWorkingDays,
    ),
    principalAfterWorkingDays: wholeDays(
      file,
      'principalAfterWorkingDays',
      r.principalAfterWorkingDays,
      DEFAULT_SLA_POLICY.principalAfterWorkingDays,
    ),
    wardAfterWorkingDays: wholeDays(
      file,
      'wardAfterWorkingDays',
      r.wardAfterWorkingDays,
      DEFAULT_SLA_POLICY.wardAfterWorkingDays,
    ),
    deadlines,
  };
};

export const loadSlaPolicy = (file: string | null, knownKinds: string[]): SlaPolicy => {
  if (!file) return DEFAULT_SLA_POLICY;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new SlaPolicyError(`SLA_POLICY_FILE ${file}: not readable JSON (${(e as Error).message})`);
  }
  return parseSlaPolicy(file, raw, knownKinds);
};
