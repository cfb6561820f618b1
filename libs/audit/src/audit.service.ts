import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryDeepPartialEntity } from 'typeorm';
import { FieldCipher, isSealed } from '@dh/crypto';
import { AuditEvent } from './audit-event.entity';
import { hashEvent } from './audit-hash';
import { confidentialFieldsOf, payloadContext } from './confidential-payload';

export type NewAuditEvent = Omit<AuditEvent, 'seq' | 'prevHash' | 'hash'>;

export type ChainVerdict = { caseId: string; valid: boolean; events: number; firstInvalidSeq?: number };

@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly cipher: FieldCipher,
  ) {}

  // The caller holds the case row's lock (FOR UPDATE), so sequence numbers are handed out one at a time;
  // the (case_id, seq) key refuses a duplicate should that ever not hold. Confidential fields are sealed
  // before hashing: the chain vouches for exactly what is stored.
  async append(tx: EntityManager, plain: NewAuditEvent): Promise<AuditEvent> {
    const event = { ...plain, payload: this.seal(plain.type, plain.payload) };
    const last = await tx
      .getRepository(AuditEvent)
      .findOne({ where: { caseId: event.caseId }, order: { seq: 'DESC' }, select: { seq: true, hash: true } });
    const seq = (last?.seq ?? 0) + 1;
    const prevHash = last?.hash ?? null;
    const row = { ...event, seq, prevHash, hash: hashEvent({ ...event, seq, prevHash }) };
    // jsonb holds plain JSON; TypeORM's deep-partial type cannot express `unknown` values.
    await tx.getRepository(AuditEvent).insert(row as QueryDeepPartialEntity<AuditEvent>);
    return row;
  }

  // The payload as written, for a reader the access rules allow.
  async openPayload(e: AuditEvent): Promise<Record<string, unknown>> {
    const fields = confidentialFieldsOf(e.type, e.payload);
    if (fields.length === 0) return e.payload;
    const opened = await Promise.all(
      fields.map(async (f) => {
        const value = e.payload[f];
        // Events appended before sealing hold their values as written.
        return [f, typeof value === 'string' && isSealed(value) ? await this.cipher.openJson(value, payloadContext(e.type, f)) : value] as const;
      }),
    );
    return { ...e.payload, ...Object.fromEntries(opened) };
  }

  private seal(type: string, payload: Record<string, unknown>): Record<string, unknown> {
    const fields = confidentialFieldsOf(type, payload);
    if (fields.length === 0) return payload;
    return { ...payload, ...Object.fromEntries(fields.map((f) => [f, this.cipher.sealJson(payload[f], payloadContext(type, f))])) };
  }

  history(caseId: string, tx?: EntityManager): Promise<AuditEvent[]> {
    return (tx ?? this.source.manager).getRepository(AuditEvent).find({ where: { caseId }, order: { seq: 'ASC' } });
  }

  async verify(caseId: string, tx?: EntityManager): Promise<ChainVerdict> {
    return verifyChain(caseId, await this.history(caseId, tx));
  }

  // Every chain in the database, one case at a time, for the CLI and inspectors.
  async *verifyAll(): AsyncGenerator<ChainVerdict> {
    const cases: { case_id: string }[] = await this.source.query(
      `SELECT DISTINCT case_id FROM audit_event ORDER BY case_id`,
    );
    for (const { case_id } of cases) yield this.verify(case_id);
  }
}

export const verifyChain = (caseId: string, events: AuditEvent[]): ChainVerdict => {
  let prevHash: string | null = null;
  for (const [i, e] of events.entries()) {
    const expectedSeq = i + 1;
    const recomputed = hashEvent(e);
    if (e.seq !== expectedSeq || e.prevHash !== prevHash || e.hash !== recomputed) {
      return { caseId, valid: false, events: events.length, firstInvalidSeq: Math.min(e.seq, expectedSeq) };
    }
    prevHash = e.hash;
  }
  return { caseId, valid: true, events: events.length };
};
