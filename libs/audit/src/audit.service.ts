import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import { caseScope, FieldCipher, isSealed, SealedRegistry } from '@dh/crypto';
import { deferWrite } from '@dh/database';
import { AuditEvent } from './audit-event.entity';
import { hashEvent } from './audit-hash';
import { CaseFacts, checkCaseChain } from './case-chain-checks';
import { ChainVerdict } from './chain-checks';
import { Masked, maskFields, payloadContext } from './confidential-payload';

export type NewAuditEvent = Omit<AuditEvent, 'seq' | 'prevHash' | 'hash'>;

// Who wrote an event beside the stages, and when: a person as the identity library's chainActor names them (their
// id, their role, their request), or the system (a migration) by bySystem.
export type CaseEventBy = { actorId: string | null; actorRole: string | null; requestId: string | null; at: Date };
export const bySystem = (requestId: string | null, at: Date): CaseEventBy => ({
  actorId: null,
  actorRole: 'system',
  requestId,
  at,
});

// The newest event of a case's chain: 0 and null before the first.
export type ChainHeadAt = { seq: number; hash: string | null };
type LockedCase = ChainHeadAt & { schoolId: string; state: string };

// The event, and the case row's new head with whatever else of the row its writer moves with it ($14 on).
const appendSql = (alsoSet: string[]) => `
  WITH e AS (
    INSERT INTO audit_event (case_id, seq, school_id, type, from_state, to_state, actor_id, actor_role, payload,
                             request_id, at, prev_hash, hash)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13) RETURNING case_id)
  UPDATE "case" SET audit_head_seq = $2, audit_head_hash = $13${alsoSet.map((c, i) => `, ${c} = $${14 + i}`).join('')}
  WHERE id = (SELECT case_id FROM e)`;
const APPEND_SQL = appendSql([]);

// Columns of the case row a writer sets with its event, by column name (from code, never from a request); a jsonb
// column's value is passed as its JSON text.
export type CaseRowColumns = Record<string, unknown>;
const COLUMN_NAME = /^[a-z_]+$/;

@Injectable()
export class AuditService {
  // The heads this service moved in each open transaction, by case.
  private readonly moved = new WeakMap<EntityManager, Map<string, ChainHeadAt>>();

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly cipher: FieldCipher,
    private readonly sealed: SealedRegistry,
  ) {}

  // The case row keeps its chain's head (seq and hash of the newest event): the next event follows that head,
  // not whatever the table's newest row is, and moves it in the same transaction. So an event deleted behind
  // the trigger's back leaves a gap for good, instead of its number being handed out again. The row's lock
  // (taken here, usually already held by the caller) hands out sequence numbers one at a time; the (case_id,
  // seq) key refuses a duplicate should that ever not hold. Confidential fields are sealed before hashing: the
  // chain vouches for exactly what is stored. For the events that set the state (the opening, the stages),
  // whose writer holds the lock and knows where the case comes from and goes to; the others go through
  // appendCaseEvent.
  async append(tx: EntityManager, plain: NewAuditEvent): Promise<AuditEvent> {
    return this.chain(tx, plain, await this.lockCase(tx, plain.caseId));
  }

  // For a writer that read the head with the case row, under the lock it still holds (a transition): no second
  // read. An event this service appended to the case since, in the same transaction (a hook's), moved the head
  // past what the writer read; the head it left is used then.
  // `alsoSet`: the writer's own columns of the case row, written by the event's statement (one round trip).
  async appendAfter(
    tx: EntityManager,
    plain: NewAuditEvent,
    head: ChainHeadAt,
    alsoSet: CaseRowColumns = {},
  ): Promise<AuditEvent> {
    return this.chain(tx, plain, this.moved.get(tx)?.get(plain.caseId) ?? head, alsoSet);
  }

  // Every event beside the stages (a read, a record, a consent, a grant, a pause, a migration): the state it
  // records is read under the case row's lock, the one a transition takes, so it is the state as the event
  // happens, never one a transition has since left.
  async appendCaseEvent(
    tx: EntityManager,
    caseId: string,
    by: CaseEventBy,
    type: string,
    payload: Record<string, unknown>,
  ): Promise<AuditEvent> {
    const locked = await this.lockCase(tx, caseId);
    const { state, schoolId } = locked;
    return this.chain(tx, { caseId, schoolId, type, fromState: state, toState: state, payload, ...by }, locked);
  }

  // Raw SQL on the case row rather than a reader passed in: the audit library already keeps its chain's head
  // on that row, and cannot import the cases library (which imports it).
  private async lockCase(tx: EntityManager, caseId: string): Promise<LockedCase> {
    const [row]: LockedCase[] = await tx.query(
      `SELECT school_id AS "schoolId", state, audit_head_seq AS seq, audit_head_hash AS hash
       FROM "case" WHERE id = $1 FOR UPDATE`,
      [caseId],
    );
    if (!row) throw new Error(`audit event for unknown case ${caseId}`);
    return row;
  }

  // The event and the case row's new head in one statement.
  private async chain(
    tx: EntityManager,
    plain: NewAuditEvent,
    head: ChainHeadAt,
    alsoSet: CaseRowColumns = {},
  ): Promise<AuditEvent> {
    const event = { ...plain, payload: await this.seal(tx, plain) };
    const seq = head.seq + 1;
    const prevHash = head.hash;
    const row: AuditEvent = { ...event, seq, prevHash, hash: hashEvent({ ...event, seq, prevHash }) };
    const columns = Object.keys(alsoSet);
    const bad = columns.find((c) => !COLUMN_NAME.test(c));
    if (bad) throw new Error(`not a case column name: ${bad}`);
    // Nobody waits for its answer: it goes with the transaction's next statement or its COMMIT.
    await deferWrite(tx, columns.length ? appendSql(columns) : APPEND_SQL, [
      row.caseId,
      seq,
      row.schoolId,
      row.type,
      row.fromState,
      row.toState,
      row.actorId,
      row.actorRole,
      JSON.stringify(row.payload),
      row.requestId,
      row.at,
      prevHash,
      row.hash,
      ...Object.values(alsoSet),
    ]);
    const moved = this.moved.get(tx) ?? new Map<string, ChainHeadAt>();
    this.moved.set(tx, moved.set(row.caseId, { seq, hash: row.hash }));
    return row;
  }

  // A case's events of one type recorded after a time, in the caller's transaction.
  eventsAfter(tx: EntityManager, caseId: string, type: string, after: Date): Promise<AuditEvent[]> {
    return tx.getRepository(AuditEvent).find({ where: { caseId, type, at: MoreThan(after) } });
  }

  // The payload as written, for a reader the access rules allow.
  async openPayload(e: AuditEvent): Promise<Record<string, unknown>> {
    const fields = this.sealed.sealedFieldsOf(e.type, e.payload);
    if (fields.length === 0) return e.payload;
    const opened = await Promise.all(
      fields.map(async (f) => {
        const value = e.payload[f];
        // Events appended before sealing hold their values as written.
        return [
          f,
          typeof value === 'string' && isSealed(value)
            ? await this.cipher.openJson(value, payloadContext(e.type, f))
            : value,
        ] as const;
      }),
    );
    return { ...e.payload, ...Object.fromEntries(opened) };
  }

  // The payload with its confidential values blanked, and the names of what was blanked.
  mask(type: string, payload: Record<string, unknown>): Masked {
    return maskFields(payload, this.sealed.sealedFieldsOf(type, payload));
  }

  // Under the case's own data key, so the end of its retention period shreds the trail's copy too.
  private async seal(tx: EntityManager, { caseId, type, payload }: NewAuditEvent): Promise<Record<string, unknown>> {
    const fields = this.sealed.sealedFieldsOf(type, payload);
    if (fields.length === 0) return payload;
    const sealer = await this.cipher.sealer(tx, caseScope(caseId));
    return {
      ...payload,
      ...Object.fromEntries(fields.map((f) => [f, sealer.sealJson(payload[f], payloadContext(type, f))])),
    };
  }

  history(caseId: string, tx?: EntityManager): Promise<AuditEvent[]> {
    return (tx ?? this.source.manager).getRepository(AuditEvent).find({ where: { caseId }, order: { seq: 'ASC' } });
  }

  // The event at one number, for a head signed at a checkpoint.
  async eventAt(caseId: string, seq: number): Promise<{ hash: string } | null> {
    return this.source.getRepository(AuditEvent).findOne({ where: { caseId, seq }, select: { hash: true } });
  }
}

// Every case chain's head as a relation (case_id, seq, hash), for another library's query: the head is the
// audit library's pair of columns on the case row (written by AuditService.chain), so its SQL stays here.
export const CASE_CHAIN_HEADS = `(SELECT id AS case_id, audit_head_seq AS seq, audit_head_hash AS hash FROM "case" WHERE audit_head_seq > 0)`;

export const verifyCaseChain = (
  caseId: string,
  events: AuditEvent[],
  facts: CaseFacts | null,
  versioned: (type: string) => boolean,
): ChainVerdict => checkCaseChain(caseId, events, facts, versioned, (e) => e.hash === hashEvent(e));
