import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FieldCipher, SealedRegistry, SealedTable, sealedKeyId } from '@dh/crypto';

const BATCH = 200;

export type ReencryptResult = Record<string, number>;

// Re-seals every value not yet under the active data key (values written before sealing existed too), a
// batch of rows per short transaction, so the server keeps answering while it runs. Every sealed column a module
// declared (SealedRegistry); not the audit trail, whose events are never rewritten (their data keys are rewrapped).
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
    this.logger.log({ msg: 're-encrypted under the active data key', keyId: this.cipher.activeKeyId(), ...result });
    return result;
  }

  private async reencryptTable({ table, key, columns }: SealedTable): Promise<number> {
    const active = this.cipher.activeKeyId();
    const names = Object.keys(columns);
    let after = '00000000-0000-0000-0000-000000000000';
    let changed = 0;
    for (;;) {
      const done = await this.source.transaction(async (tx) => {
        const rows: Record<string, string | null>[] = await tx.query(
          `SELECT "${key}" AS pk, ${names.map((c) => `"${c}"`).join(', ')} FROM "${table}" WHERE "${key}" > $1 ORDER BY "${key}" LIMIT ${BATCH} FOR UPDATE`,
          [after],
        );
        for (const row of rows) {
          const stale = names.filter((c) => row[c] !== null && sealedKeyId(row[c]) !== active);
          if (stale.length === 0) continue;
          const values = await Promise.all(
            stale.map(async (c) => this.cipher.seal(await this.cipher.open(row[c] as string, columns[c]), columns[c])),
          );
          await tx.query(
            `UPDATE "${table}" SET ${stale.map((c, i) => `"${c}" = $${i + 2}`).join(', ')} WHERE "${key}" = $1`,
            [row.pk, ...values],
          );
          changed += 1;
        }
        if (rows.length) after = rows[rows.length - 1].pk as string;
        return rows.length < BATCH;
      });
      if (done) return changed;
    }
  }
}
