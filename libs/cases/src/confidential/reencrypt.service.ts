import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  caseScope,
  FieldCipher,
  CryptoException,
  CryptoExceptionCode,
  SealedRegistry,
  SealedTable,
  sealedKeyId,
  Sealer,
} from '@dh/crypto';

const BATCH = 200;

export type ReencryptResult = Record<string, number>;

type SealedRow = Record<string, string | null>;

// Re-seals every value not under the key it belongs under: a case's content under that case's own key, the rest
// under the active shared key (values written before sealing, or before keys per case, included). A batch of rows
// per short transaction, so the server keeps answering while it runs. Every sealed column a module declared
// (SealedRegistry); not the audit trail, whose events are never rewritten (their data keys are rewrapped).
@Injectable()
export class ReencryptService {
  private readonly logger = new Logger(ReencryptService.name);

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly cipher: FieldCipher,
    private readonly sealed: SealedRegistry,
  ) {}

  async reencryptAll(): Promise<ReencryptResult> {
    const result: ReencryptResult = {};
    for (const t of this.sealed.sealedTables()) result[t.table] = await this.reencryptTable(t);
    this.logger.log({
      msg: 're-encrypted under the keys they belong under',
      keyId: this.cipher.activeKeyId(),
      ...result,
    });
    return result;
  }

  // One case's rows, in the caller's transaction: before its key is destroyed, nothing of it may stay under another.
  async reencryptCase(tx: EntityManager, caseId: string): Promise<number> {
    let changed = 0;
    for (const t of this.sealed.sealedTables()) {
      if (!t.caseColumn) continue;
      const rows: SealedRow[] = await tx.query(
        `SELECT ${this.selectList(t)} FROM "${t.table}" WHERE "${t.caseColumn}" = $1 FOR UPDATE`,
        [caseId],
      );
      for (const row of rows) changed += await this.reseal(tx, t, row);
    }
    return changed;
  }

  private async reencryptTable(t: SealedTable): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let changed = 0;
    for (;;) {
      const done = await this.source.transaction(async (tx) => {
        const rows: SealedRow[] = await tx.query(
          `SELECT ${this.selectList(t)} FROM "${t.table}" WHERE "${t.key}" > $1 ORDER BY "${t.key}" LIMIT ${BATCH} FOR UPDATE`,
          [after],
        );
        for (const row of rows) changed += await this.reseal(tx, t, row);
        if (rows.length) after = rows[rows.length - 1].pk as string;
        return rows.length < BATCH;
      });
      if (done) return changed;
    }
  }

  private selectList({ key, caseColumn, columns }: SealedTable): string {
    const scope = caseColumn ? `, "${caseColumn}" AS scope_case` : '';
    return `"${key}" AS pk${scope}, ${Object.keys(columns)
      .map((c) => `"${c}"`)
      .join(', ')}`;
  }

  // 1 when the row was rewritten. A shredded case's values stay as they are: its key takes nothing new.
  private async reseal(tx: EntityManager, { table, key, columns }: SealedTable, row: SealedRow): Promise<number> {
    const sealer = await this.sealerFor(tx, row.scope_case);
    if (!sealer) return 0;
    const names = Object.keys(columns);
    const stale = names.filter((c) => row[c] !== null && sealedKeyId(row[c]) !== sealer.keyId);
    if (stale.length === 0) return 0;
    const values = await Promise.all(
      stale.map(async (c) => sealer.seal(await this.cipher.open(row[c] as string, columns[c]), columns[c])),
    );
    await tx.query(
      `UPDATE "${table}" SET ${stale.map((c, i) => `"${c}" = $${i + 2}`).join(', ')} WHERE "${key}" = $1`,
      [row.pk, ...values],
    );
    return 1;
  }

  private async sealerFor(tx: EntityManager, caseId: string | null | undefined): Promise<Sealer | null> {
    if (!caseId) return this.cipher.sharedSealer();
    try {
      return await this.cipher.sealer(tx, caseScope(caseId));
    } catch (e) {
      if (e instanceof CryptoException && e.code === CryptoExceptionCode.CONTENT_SHREDDED) return null;
      throw e;
    }
  }
}
