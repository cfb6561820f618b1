import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { stateMetaOf } from '@dh/machines/case/engine';
import type { MachineVersion } from '@dh/machines/case/registry';
import type { AlertFacts } from './delivery-message';

type Row = {
  delivery_id: string;
  level: string;
  reason: string;
  reason_en: string;
  case_id: string | null;
  code: string | null;
  state: string | null;
  machine_version: string | null;
  due_at: Date | null;
  created_at: Date;
};

const stageOf = (r: Row): AlertFacts['stage'] => {
  if (!r.state || !r.machine_version) return null;
  try {
    return stateMetaOf(r.machine_version as MachineVersion, r.state).label;
  } catch {
    return null;
  }
};

const toFacts = (r: Row): AlertFacts => ({
  level: r.level,
  reason: r.reason,
  reasonEn: r.reason_en,
  caseId: r.case_id,
  caseCode: r.code,
  stage: stageOf(r),
  dueAt: r.due_at,
  createdAt: r.created_at,
});

const SELECT = `SELECT a.level, a.reason, a.reason_en, a.case_id, c.code, c.state, c.machine_version, dl.due_at, a.created_at
   FROM alert a LEFT JOIN "case" c ON c.id = a.case_id LEFT JOIN deadline dl ON dl.id = a.deadline_id`;

// What the messages of some deliveries may say, read as the case stands when the message leaves (its stage now).
// Only the columns a message may carry are read: no learner, no summary.
@Injectable()
export class DeliveryFacts {
  // Each alert delivery's alert, by delivery id.
  async ofAlerts(tx: EntityManager, deliveryIds: string[]): Promise<Map<string, AlertFacts>> {
    if (deliveryIds.length === 0) return new Map();
    const rows: Row[] = await tx.query(
      `SELECT d.id AS delivery_id, x.* FROM alert_delivery d
         JOIN LATERAL (${SELECT} WHERE a.id = d.alert_id) x ON true WHERE d.id = ANY($1)`,
      [deliveryIds],
    );
    return new Map(rows.map((r) => [r.delivery_id, toFacts(r)]));
  }

  // The alerts each digest carries, oldest first, by digest id.
  async ofDigests(tx: EntityManager, digestIds: string[]): Promise<Map<string, AlertFacts[]>> {
    const out = new Map<string, AlertFacts[]>(digestIds.map((id) => [id, []]));
    if (digestIds.length === 0) return out;
    const rows: Row[] = await tx.query(
      `SELECT h.digest_id AS delivery_id, x.* FROM alert_delivery h
         JOIN LATERAL (${SELECT} WHERE a.id = h.alert_id) x ON true
        WHERE h.digest_id = ANY($1) ORDER BY x.created_at, h.id`,
      [digestIds],
    );
    for (const r of rows) out.get(r.delivery_id)?.push(toFacts(r));
    return out;
  }
}
