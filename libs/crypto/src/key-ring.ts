import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig, ConfigError } from '@dh/config';
import { decrypt, encrypt } from './aes-gcm';
import { DataKey } from './data-key.entity';
import { MasterKey, masterKeyFrom } from './master-key';

export type RotationResult = { rewrapped: number; newKeyId: string; retiredKeyId: string | null };

const wrapContext = (id: string) => `data_key:${id}`;

// The unwrapped data keys of this instance. Every stored data key must open with DATA_KEY, or with
// DATA_KEY_PREVIOUS during a rotation; otherwise the start stops, before any value is misread.
@Injectable()
export class KeyRing implements OnModuleInit {
  private readonly logger = new Logger(KeyRing.name);
  private readonly current: MasterKey;
  private readonly previous: MasterKey | null;
  private keys = new Map<string, Buffer>();
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

  // A key another instance created since this one loaded (a rotation under way) is fetched once.
  async key(id: string): Promise<Buffer> {
    if (!this.keys.has(id)) await this.reloadOnce();
    const key = this.keys.get(id);
    if (!key) throw new Error(`data key ${id} is not in the key ring`);
    return key;
  }

  // Rewrap every data key under the current master key and start a fresh one for new values. The old data
  // keys stay (the audit trail's values are sealed under them and never rewritten), wrapped by the new master.
  async rotate(): Promise<RotationResult> {
    const result = await this.source.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('dong-hanh:data-key'))`);
      const rows = await tx.getRepository(DataKey).find({ order: { createdAt: 'ASC' } });
      for (const row of rows) {
        const key = this.unwrap(row);
        await tx
          .getRepository(DataKey)
          .update({ id: row.id }, { wrapped: this.wrap(row.id, key), masterFingerprint: this.current.fingerprint });
      }
      const retired = rows.find((r) => r.active)?.id ?? null;
      await tx.getRepository(DataKey).update({ active: true }, { active: false });
      const newKeyId = await this.insertNewKey(tx);
      return { rewrapped: rows.length, newKeyId, retiredKeyId: retired };
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

  private unwrap(row: DataKey): Buffer {
    const master = [this.current, this.previous].find((m) => m?.fingerprint === row.masterFingerprint);
    if (!master) {
      throw new ConfigError(
        'DATA_KEY',
        `does not open data key ${row.id} (wrapped by master key ${row.masterFingerprint}); during a rotation set DATA_KEY_PREVIOUS to the key it replaces`,
      );
    }
    return decrypt(master.key, Buffer.from(row.wrapped, 'base64'), wrapContext(row.id));
  }

  private reloadOnce(): Promise<void> {
    this.reloading ??= this.reload().finally(() => (this.reloading = null));
    return this.reloading;
  }

  private async reload(): Promise<void> {
    const rows = await this.source.getRepository(DataKey).find();
    this.keys = new Map(rows.map((r) => [r.id, this.unwrap(r)]));
    this.activeId = rows.find((r) => r.active)?.id ?? null;
  }
}
