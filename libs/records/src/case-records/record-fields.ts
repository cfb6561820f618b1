import { IsISO8601, Matches } from 'class-validator';

export const LONG = 10000;
export const SHORT = 500;

// How a contact with the family happened: in person, by phone, online, in writing.
export const CONTACT_WAYS = ['truc_tiep', 'dien_thoai', 'truc_tuyen', 'van_ban'] as const;
export type ContactWay = (typeof CONTACT_WAYS)[number];

// An instant with its offset ("2026-03-02T09:00:00+07:00"): a time without one means a different moment to
// each server.
export const Instant = (target: object, key: string) => {
  IsISO8601({ strict: true, strictSeparator: true })(target, key);
  Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: `${key} must be an ISO 8601 instant with its offset`,
  })(target, key);
};
