// What a person chooses about: each kind of alert the app raises, as one choice per kind. A flood of the
// public form is chosen with the public report it sums up.
export const NOTIFICATION_LEVELS = [
  'reminder',
  'overdue',
  'principal',
  'ward',
  'critical_risk',
  'public_intake',
  'referral',
  'protection',
] as const;
export type NotificationLevel = (typeof NOTIFICATION_LEVELS)[number];

export const DELIVERY_CHANNELS = ['email', 'webhook'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

export const DELIVERY_MODES = ['immediate', 'digest', 'off'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

// A child at risk is not left for tomorrow's digest nor switched off.
export const ALWAYS_IMMEDIATE: readonly NotificationLevel[] = ['critical_risk', 'protection'];

const ALIASES: Record<string, NotificationLevel> = { public_intake_flood: 'public_intake' };

// The choice an alert's level falls under; null for a level nobody chooses about (in the app only).
export const notificationLevelOf = (alertLevel: string): NotificationLevel | null =>
  ALIASES[alertLevel] ?? (NOTIFICATION_LEVELS as readonly string[]).find((l) => l === alertLevel) ?? null;
