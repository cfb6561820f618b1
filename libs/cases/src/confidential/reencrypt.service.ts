import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FieldCipher, sealedKeyId } from '@dh/crypto';
import { RECORD_SEALED_COLUMNS, RecordSealedColumn, RecordTable, REPORTER_FIELDS, SEALED_CONTEXT } from './confidential-fields';

type SealedTable = { table: string; key: string; columns: Record<string, string> };

// Every sealed column outside the audit trail (whose events are never rewritten: their data keys are
// rewrapped instead). A new sealed column joins this list, and the rotation covers it.
const SEALED_TABLES: SealedTable[] = [
  {
    table: 'case',
    key: 'id',
    columns: {
      summary: SEALED_CONTEXT.summary, risk_rationale: SEALED_CONTEXT.riskRationale,
      family_circumstances: SEALED_CONTEXT.familyCircumstances, actions_taken: SEALED_CONTEXT.actionsTaken,
    },
  },
  {
    table: 'case_reporter',
    key: 'case_id',
    columns: Object.fromEntries(REPORTER_FIELDS.map((c) => [c, SEALED_CONTEXT.reporter(c)])),
  },
  { table: 'learner', key: 'id', columns: { guardians: SEALED_CONTEXT.guardians } },
  {
    table: 'consent',
    key: 'id',
    columns: Object.fromEntries((['guardian_name', 'guardian_relationship', 'purpose', 'withdrawal_reason'] as const).map((c) => [c, SEALED_CONTEXT.consent(c)])),
  },
  ...(Object.keys(RECORD_SEALED_COLUMNS) as RecordTable[]).map((table) => ({
    table,
    key: 'id',
    columns: Object.fromEntries(RECORD_SEALED_COLUMNS[table].map((c: RecordSealedColumn<RecordTable>) => [c, SEALED_CONTEXT.record(table, c)])),
  })),
];

const BATCH = 200;

export type ReencryptResult = Record<string, number>;

// Re-seals every value not yet under the active data key (values written before sealing existed too), a
// batch of rows per short transaction, so the server keeps answering while it runs.
@Injectable()
export class ReencryptService {
  private readonly logger = new Logger(ReencryptService.name);

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly cipher: FieldCipher,
  ) {}

  async reencryptAll(): Promise<ReencryptResult> {
    const result: ReencryptResult = {};
    for (const t of SEALED_TABLES) result[t.table] = await this.reencryptTable(t);
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
          const values = await Promise.all(stale.map(async (c) => this.cipher.seal(await this.cipher.open(row[c] as string, columns[c]), columns[c])));
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
