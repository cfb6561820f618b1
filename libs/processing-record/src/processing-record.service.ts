import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { Clock } from '@dh/clock';
import { SealedRegistry } from '@dh/crypto';
import { NotPersonal, ProcessingActivity, processingDeclaredBy, Words } from '@dh/privacy';
import { RECORD_KINDS, RetentionPolicy, RetentionService } from '@dh/retention';

export type StoredIn = {
  table: string;
  // Columns sealed under a data key: the case's own key (destroyed when the case's period ends) or the shared key.
  sealedColumns: string[];
  sealedUnder: 'case_key' | 'shared_key' | null;
};

export type KeptFor = {
  rule: Words;
  periods: { kind: string; years: number; basis: 'school_choice' | 'law'; note: string }[];
};

export type ProcessingRecordActivity = Omit<ProcessingActivity, 'tables' | 'retention' | 'categories'> & {
  module: string;
  categories: { data: Words; sensitive: boolean }[];
  storedIn: StoredIn[];
  retention: KeptFor;
};

export type ProcessingRecord = {
  generatedAt: string;
  transfersAbroad: Words;
  sealedEventFields: { eventType: string; fields: string[] }[];
  activities: ProcessingRecordActivity[];
  notPersonal: (NotPersonal & { module: string })[];
};

type Declared<T> = T & { module: string };

const COUNTED_FROM: Words = { vi: 'tính từ ngày kết thúc hồ sơ', en: 'counted from the case’s closure' };

// The record of processing Law 91/2025/QH15 asks of a controller, built from what each module declares with
// @DeclaresProcessing and from the SealedRegistry and the retention policy, never written by hand. At boot every
// table of the schema must be declared by some module, either as holding personal data for a purpose or as holding
// none: a module added without its declaration stops the start instead of leaving the record incomplete.
@Injectable()
export class ProcessingRecordService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ProcessingRecordService.name);
  private activities: Declared<ProcessingActivity>[] = [];
  private notPersonal: Declared<NotPersonal>[] = [];

  constructor(
    private readonly modules: ModulesContainer,
    private readonly dataSource: DataSource,
    private readonly sealed: SealedRegistry,
    private readonly retention: RetentionService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.collect();
    const problems = this.problems(await this.tablesOfSchema());
    if (problems.length) throw new Error(`the record of processing is incomplete: ${problems.join('; ')}`);
    this.logger.log(`${this.activities.length} processing activities declared`);
  }

  record(): ProcessingRecord {
    const sealedTables = new Map(this.sealed.sealedTables().map((t) => [t.table, t]));
    const policy = this.retention.policy;
    return {
      generatedAt: this.clock.now().toISOString(),
      transfersAbroad: {
        vi: 'Không chuyển dữ liệu ra nước ngoài: dữ liệu lưu trên máy chủ do nhà trường hoặc phường quản lý',
        en: 'No transfer abroad: the data stays on the server the school or ward runs',
      },
      sealedEventFields: Object.entries(this.sealed.sealedPayloads())
        .map(([eventType, fields]) => ({ eventType, fields: [...fields] }))
        .sort((a, b) => a.eventType.localeCompare(b.eventType)),
      activities: this.activities.map(({ tables, retention, categories, ...a }) => ({
        ...a,
        categories: categories.map((c) => ({ data: c.data, sensitive: c.sensitive ?? false })),
        storedIn: tables.map((table) => {
          const t = sealedTables.get(table);
          const sealedColumns = t ? Object.keys(t.columns) : [];
          return {
            table,
            sealedColumns,
            sealedUnder: !sealedColumns.length ? null : t?.caseColumn ? 'case_key' : 'shared_key',
          };
        }),
        retention: this.keptFor(retention, policy),
      })),
      notPersonal: this.notPersonal,
    };
  }

  private keptFor(retention: ProcessingActivity['retention'], policy: RetentionPolicy): KeptFor {
    if ('rule' in retention) return { rule: retention.rule, periods: [] };
    const periods = retention.kinds.map((kind) => ({ kind, ...policy.kinds[kind as keyof RetentionPolicy['kinds']] }));
    const years = periods.map((p) => `${p.years}`).join(' / ');
    return {
      rule: { vi: `${years} năm, ${COUNTED_FROM.vi}`, en: `${years} years, ${COUNTED_FROM.en}` },
      periods,
    };
  }

  private collect(): void {
    this.activities = [];
    this.notPersonal = [];
    for (const m of this.modules.values()) {
      const declaration = processingDeclaredBy(m.metatype);
      if (!declaration) continue;
      const module = m.metatype.name;
      this.activities.push(...(declaration.activities ?? []).map((a) => ({ ...a, module })));
      this.notPersonal.push(...(declaration.notPersonal ?? []).map((n) => ({ ...n, module })));
    }
    // Sensitive data first: what a data-protection officer reads for first.
    const sensitive = (a: ProcessingActivity) => (a.categories.some((c) => c.sensitive) ? 0 : 1);
    this.activities.sort((a, b) => sensitive(a) - sensitive(b) || a.id.localeCompare(b.id));
  }

  // The entities' tables and those the migrations made without an entity (counters, outboxes).
  private async tablesOfSchema(): Promise<Set<string>> {
    const rows: { table_name: string }[] = await this.dataSource.query(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'migrations'`,
    );
    return new Set([...this.dataSource.entityMetadatas.map((e) => e.tableName), ...rows.map((r) => r.table_name)]);
  }

  private problems(schema: Set<string>): string[] {
    const problems: string[] = [];
    const declared = new Map<string, string>();
    const claim = (table: string, by: string) => {
      if (declared.has(table)) problems.push(`table ${table} is declared by both ${declared.get(table)} and ${by}`);
      declared.set(table, by);
    };
    for (const a of this.activities) for (const t of a.tables) claim(t, `${a.module} (${a.id})`);
    for (const n of this.notPersonal) claim(n.table, `${n.module} (not personal)`);

    for (const table of schema) if (!declared.has(table)) problems.push(`table ${table} is declared by no module`);
    for (const table of declared.keys()) if (!schema.has(table)) problems.push(`table ${table} is not in the schema`);
    for (const n of this.notPersonal)
      if (this.sealed.sealedTables().some((t) => t.table === n.table))
        problems.push(`table ${n.table} seals columns yet is declared as holding no personal data`);
    const ids = new Set<string>();
    for (const a of this.activities) {
      if (ids.has(a.id)) problems.push(`activity ${a.id} is declared twice`);
      ids.add(a.id);
      if ('kinds' in a.retention)
        for (const k of a.retention.kinds)
          if (!(RECORD_KINDS as readonly string[]).includes(k))
            problems.push(`activity ${a.id}: ${k} is not a kind of record`);
    }
    return problems;
  }
}
