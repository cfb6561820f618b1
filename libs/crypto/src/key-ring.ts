import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig, ConfigError } from '@dh/config';
import { decrypt, encrypt } from './aes-gcm';
import { CryptoException, CryptoExceptionCode } from './crypto.exception';
import { DataKey } from './data-key.entity';
import { MasterKey, masterKeyFrom } from './master-key';

export type RotationResult = { rewrapped: number; newKeyId: string; retiredKeyId: string | null };

// A data key of one case alone: destroying it shreds that case's sealed content and nothing else.
export const caseScope = (caseId: string): string => `case:${caseId}`;

const wrapContext = (id: string) => `data_key:${id}`;

// How long an instance keeps a scoped key unwrapped: another instance that destroys it is obeyed within this.
const SCOPED_KEY_TTL_MS = 60_000;

type ScopedKey = { id: string; key: Buffer | null; until: number };
type ScopedRow = { id: string; wrapped: string | null; masterFingerprint: string };

// The unwrapped data keys of this instance. Every stored data key must open with DATA_KEY, or with
// DATA_KEY_PREVIOUS during a rotation; otherwise the start stops, before any value is misread.
@Injectable()
export class KeyRing implements OnModuleInit {
  private readonly logger = new Logger(KeyRing.name);
  private readonly current: MasterKey;
  private readonly previous: MasterKey | null;
  private keys = new Map<string, Buffer>();
  // Scoped keys, by key id and by scope, loaded when first used: one per case is too many to load at start.
  private scopedById = new Map<string, ScopedKey>();
  private scopedByScope = new Map<string, ScopedKey>();
  private readonly madeIn = new WeakMap<EntityManager, Map<string, ScopedKey>>();
  private activeId: string | null = null;
  private reloading: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.current = masterKeyFrom(config.dataKey);
    this.previous = config.dataKeyPrevious ? masterKeyFrom(config.dataKeyPrevious) : null;
  }

  async onModuleInit(): Promise<void> {
    await this.reload();
    if (this.activeId) return;
    await this.source.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('dong-hanh:data-key'))`);
      if (!(await tx.getRepository(DataKey).existsBy({ active: true }))) await this.insertNewKey(tx);
    });
    await this.reload();
  }

  // The key new values are sealed with.
  active(): { id: string; key: Buffer } {
    if (!this.activeId) throw new Error('the key ring is not loaded');
    return { id: this.activeId, key: this.keys.get(this.activeId) as Buffer };
  }

  // Keyed digests change with DATA_KEY: fine for what they serve (matching a retry within minutes).
  digestKey(): Buffer {
    return this.current.digestKey;
  }

  // A key another instance created since this one loaded (a rotation under way) is fetched once. Null: the key
  // was destroyed (its scope shredded).
  async key(id: string): Promise<Buffer | null> {
    const shared = this.keys.get(id);
    if (shared) return shared;
    const cached = this.scopedById.get(id);
    if (cached && cached.until > this.clock.now().getTime()) return cached.key;
    const [row]: (ScopedRow & { scope: string | null })[] = await this.source.query(
      `SELECT id, wrapped, master_fingerprint AS "masterFingerprint", scope FROM data_key WHERE id = $1`,
      [id],
    );
    if (row?.scope) return this.remember(row.scope, row).key;
    await this.reloadOnce();
    const key = this.keys.get(id);
    if (!key) throw new Error(`data key ${id} is not in the key ring`);
    return key;
  }

  // The key new content of a scope is sealed with, made the first time the scope seals anything, in the
  // caller's transaction (so it exists exactly when that content does).
  async scopeKey(tx: EntityManager, scope: string): Promise<{ id: string; key: Buffer }> {
    const entry = this.madeIn.get(tx)?.get(scope) ?? (await this.committedScopeKey(tx, scope));
    // A scope whose key was destroyed takes no new content: what was shredded stays shredded.
    if (!entry.key) throw new CryptoException(CryptoExceptionCode.CONTENT_SHREDDED);
    return { id: entry.id, key: entry.key };
  }

  // Shreds a scope: its key's wrapped bytes are dropped, in the caller's transaction. The row stays, so a value
  // sealed under it reads as destroyed rather than as a missing key. False when the scope never had a key.
  async destroy(tx: EntityManager, scope: string): Promise<boolean> {
    const rows: { id: string }[] = await tx.query(
      `UPDATE data_key SET wrapped = NULL, destroyed_at = $2 WHERE scope = $1 RETURNING id`,
      [scope, this.clock.now()],
    );
    const cached = this.scopedByScope.get(scope);
    if (cached) this.scopedById.delete(cached.id);
    this.scopedByScope.delete(scope);
    return rows.length > 0;
  }

  // Rewrap every data key under the current master key and start a fresh one for new values. The old data
  // keys stay (the audit trail's values are sealed under them and never rewritten), wrapped by the new master.
  async rotate(): Promise<RotationResult> {
    const result = await this.source.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('dong-hanh:data-key'))`);
      const rows = await tx.getRepository(DataKey).find({ order: { createdAt: 'ASC' } });
      for (const row of rows) {
        if (row.wrapped === null) continue;
        const key = this.unwrap(row);
        await tx
          .getRepository(DataKey)
          .update({ id: row.id }, { wrapped: this.wrap(row.id, key), masterFingerprint: this.current.fingerprint });
      }
      this.scopedById.clear();
      this.scopedByScope.clear();
      const retired = rows.find((r) => r.active)?.id ?? null;
      await tx.getRepository(DataKey).update({ active: true }, { active: false });
      const newKeyId = await this.insertNewKey(tx);
      return { rewrapped: rows.filter((r) => r.wrapped !== null).length, newKeyId, retiredKeyId: retired };
    });
    await this.reload();
    this.logger.log({ msg: 'data keys rotated', ...result });
    return result;
  }

  private async insertNewKey(tx: EntityManager): Promise<string> {
    const id = randomUUID();
    const key = randomBytes(32);
    await tx.getRepository(DataKey).insert({
      id,
      wrapped: this.wrap(id, key),
      masterFingerprint: this.current.fingerprint,
      active: true,
      createdAt: this.clock.now(),
    });
    return id;
  }

  private wrap(id: string, key: Buffer): string {
    return encrypt(this.current.key, key, wrapContext(id)).toString('base64');
  }

  // A key made by this transaction is kept for it alone until it commits: were it remembered for everyone and the
  // transaction rolled back, later content would be sealed under a key stored nowhere.
  private async committedScopeKey(tx: EntityManager, scope: string): Promise<ScopedKey> {
    const cached = this.scopedByScope.get(scope);
    if (cached && cached.until > this.clock.now().getTime()) return cached;
    const row = await this.scopedRow(tx, scope);
    if (row) return this.remember(scope, row);
    const id = randomUUID();
    const key = randomBytes(32);
    const made: { id: string }[] = await tx.query(
      `INSERT INTO data_key (id, wrapped, master_fingerprint, active, scope, created_at)
       VALUES ($1, $2, $3, false, $4, $5) ON CONFLICT (scope) WHERE scope IS NOT NULL DO NOTHING RETURNING id`,
      [id, this.wrap(id, key), this.current.fingerprint, scope, this.clock.now()],
    );
    // Another transaction made it first and has committed (the insert waited for it).
    if (made.length === 0) return this.remember(scope, (await this.scopedRow(tx, scope)) as ScopedRow);
    const entry = { id, key, until: Number.POSITIVE_INFINITY };
    const mine = this.madeIn.get(tx) ?? new Map<string, ScopedKey>();
    this.madeIn.set(tx, mine.set(scope, entry));
    return entry;
  }

  private async scopedRow(tx: EntityManager, scope: string): Promise<ScopedRow | null> {
    const [row]: ScopedRow[] = await tx.query(
      `SELECT id, wrapped, master_fingerprint AS "masterFingerprint" FROM data_key WHERE scope = $1`,
      [scope],
    );
    return row ?? null;
  }

  private remember(scope: string, row: ScopedRow): ScopedKey {
    const entry = {
      id: row.id,
      key: row.wrapped === null ? null : this.unwrap(row),
      until: this.clock.now().getTime() + SCOPED_KEY_TTL_MS,
    };
    this.scopedById.set(row.id, entry);
    this.scopedByScope.set(scope, entry);
    return entry;
  }

  private unwrap(row: { id: string; wrapped: string | null; masterFingerprint: string }): Buffer {
    const master = [this.current, this.previous].find((m) => m?.fingerprint === row.masterFingerprint);
    if (!master) {
      throw new ConfigError(
        'DATA_KEY',
        `does not open data key ${row.id} (wrapped by master key ${row.masterFingerprint}); during a rotation set DATA_KEY_PREVIOUS to the key it replaces`,
      );
    }
    if (row.wrapped === null) throw new Error(`data key ${row.id} was destroyed`);
    return decrypt(master.key, Buffer.from(row.wrapped, 'base64'), wrapContext(row.id));
  }

  private reloadOnce(): Promise<void> {
    this.reloading ??= this.reload().finally(() => (this.reloading = null));
    return this.reloading;
  }

  private async reload(): Promise<void> {
    const rows = await this.source.getRepository(DataKey).find({ where: { scope: IsNull() } });
    this.keys = new Map(rows.map((r) => [r.id, this.unwrap(r)]));
    this.activeId = rows.find((r) => r.active)?.id ?? null;
  }
}
