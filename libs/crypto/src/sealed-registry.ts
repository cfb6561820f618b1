import { Injectable } from '@nestjs/common';

// A table's sealed columns, each with the context its values are sealed under, and the key the rotation pages by.
// `caseColumn`: the column naming the case a row belongs to, whose own data key seals it (absent: the shared key).
export type SealedTable = {
  table: string;
  key: string;
  columns: Readonly<Record<string, string>>;
  caseColumn?: string;
};

// What is sealed in an event's payload, by event type.
export type SealedPayloads = Readonly<Record<string, readonly string[]>>;

// What one module seals: its tables' columns, its events' payload fields.
export type SealedDeclaration = { tables?: readonly SealedTable[]; payloads?: SealedPayloads };

// Each module declares what it seals (its columns, its events' payload fields) at init; key rotation re-encrypts
// the columns and the trail masks and opens the payload fields from here, so a new module cannot be left out of
// either by a list kept somewhere else.
@Injectable()
export class SealedRegistry {
  private readonly tables = new Map<string, SealedTable>();
  private readonly payloads = new Map<string, readonly string[]>();

  register({ tables = [], payloads = {} }: SealedDeclaration): void {
    for (const t of tables) {
      const known = this.tables.get(t.table);
      if (known && known.key !== t.key) {
        throw new Error(`sealed table ${t.table} registered with keys ${known.key} and ${t.key}`);
      }
      this.tables.set(t.table, { ...t, columns: { ...known?.columns, ...t.columns } });
    }
    for (const [type, names] of Object.entries(payloads)) {
      this.payloads.set(type, [...new Set([...(this.payloads.get(type) ?? []), ...names])]);
    }
  }

  sealedTables(): SealedTable[] {
    return [...this.tables.values()];
  }

  sealedPayloads(): SealedPayloads {
    return Object.fromEntries(this.payloads);
  }

  // The sealed fields an event's payload carries (those absent or null are not).
  sealedFieldsOf(type: string, payload: Record<string, unknown>): string[] {
    return (this.payloads.get(type) ?? []).filter((f) => payload[f] !== undefined && payload[f] !== null);
  }
}
