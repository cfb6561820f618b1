import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, DeepPartial, EntityManager, FindOptionsWhere, QueryDeepPartialEntity } from 'typeorm';
import { AdminAuditService } from '@dh/audit';
import { Clock } from '@dh/clock';
import { inTransaction } from '@dh/database';
import { InputValidationException } from '@dh/errors';
import { Caller, chainActor, Role, UserService } from '@dh/identity';
import { recordNotFound, schoolFor } from './school-records-access';
import { YearRecordKind, YearRecordRow } from './year-record';

// The accounts that work in a school (an auditor or a ward officer does not).
const SCHOOL_ROLES: Role[] = ['counsellor', 'supervisor', 'principal'];

// The team, the activities and the training are the same thing to store: rows of a school and a school year, read
// by the school's readers, written by its keepers, each change an event of the admin chain in the change's own
// transaction. The event carries the fields as read back after the write.
@Injectable()
export class YearRecordsService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly chain: AdminAuditService,
    private readonly clock: Clock,
    private readonly users: UserService,
  ) {}

  async list<E extends YearRecordRow, D, F extends object, V>(
    kind: YearRecordKind<E, D, F, V>,
    caller: Caller,
    schoolId: string,
    schoolYear: string,
  ): Promise<V[]> {
    const tx = this.source.manager;
    await schoolFor(tx, caller, schoolId, 'school_records.read');
    const where = { schoolId, schoolYear } as FindOptionsWhere<E>;
    const rows = await tx.getRepository(kind.entity).find({ where, order: kind.order });
    return rows.map(kind.toView);
  }

  create<E extends YearRecordRow, D, F extends object, V>(
    kind: YearRecordKind<E, D, F, V>,
    caller: Caller,
    schoolId: string,
    schoolYear: string,
    dto: D,
  ): Promise<V> {
    return inTransaction(this.source, async (tx) => {
      await schoolFor(tx, caller, schoolId, 'school_records.write');
      const fields = kind.fieldsOf(dto);
      await this.checked(tx, kind, schoolId, schoolYear, fields);
      const now = this.clock.now();
      const repo = tx.getRepository(kind.entity);
      // F is a pick of E's columns (YearRecordKind); the compiler cannot see it through the generics.
      const row = repo.create({
        ...fields,
        schoolId,
        schoolYear,
        createdAt: now,
        updatedAt: now,
      } as unknown as DeepPartial<E>);
      await repo.insert(row as QueryDeepPartialEntity<E>);
      const stored = await repo.findOneByOrFail({ id: row.id } as FindOptionsWhere<E>);
      await this.record(tx, caller, `${kind.event}_CREATED`, stored, { after: kind.fieldsOfRow(stored) });
      return kind.toView(stored);
    });
  }

  // A PUT: the fields sent replace the row's; the school and the year stay.
  update<E extends YearRecordRow, D, F extends object, V>(
    kind: YearRecordKind<E, D, F, V>,
    caller: Caller,
    id: string,
    dto: D,
  ): Promise<V> {
    return inTransaction(this.source, async (tx) => {
      const row = await this.reach(tx, kind, caller, id);
      const before = kind.fieldsOfRow(row);
      const fields = kind.fieldsOf(dto);
      await this.checked(tx, kind, row.schoolId, row.schoolYear, fields, before);
      const repo = tx.getRepository(kind.entity);
      const where = { id } as FindOptionsWhere<E>;
      await repo.update(where, { ...fields, updatedAt: this.clock.now() });
      const stored = await repo.findOneByOrFail(where);
      await this.record(tx, caller, `${kind.event}_UPDATED`, stored, { before, after: kind.fieldsOfRow(stored) });
      return kind.toView(stored);
    });
  }

  remove<E extends YearRecordRow, D, F extends object, V>(
    kind: YearRecordKind<E, D, F, V>,
    caller: Caller,
    id: string,
  ): Promise<void> {
    return inTransaction(this.source, async (tx) => {
      const row = await this.reach(tx, kind, caller, id);
      await tx.getRepository(kind.entity).delete({ id } as FindOptionsWhere<E>);
      await this.record(tx, caller, `${kind.event}_DELETED`, row, { before: kind.fieldsOfRow(row) });
    });
  }

  // The row, locked, when the caller may change its school's records; a row of a school they cannot read is 404.
  private async reach<E extends YearRecordRow, D, F extends object, V>(
    tx: EntityManager,
    kind: YearRecordKind<E, D, F, V>,
    caller: Caller,
    id: string,
  ): Promise<E> {
    const row = await tx
      .getRepository(kind.entity)
      .findOne({ where: { id } as FindOptionsWhere<E>, lock: { mode: 'pessimistic_write' } });
    if (!row) throw recordNotFound();
    await schoolFor(tx, caller, row.schoolId, 'school_records.write', recordNotFound);
    return row;
  }

  private async checked<E extends YearRecordRow, D, F extends object, V>(
    tx: EntityManager,
    kind: YearRecordKind<E, D, F, V>,
    schoolId: string,
    schoolYear: string,
    fields: F,
    before?: F,
  ): Promise<void> {
    const isStaff = (userId: string) => this.users.isMemberWithRole(userId, schoolId, SCHOOL_ROLES, tx);
    const problems = await kind.check({ schoolYear, isStaff }, fields, before);
    if (problems.length) throw new InputValidationException(problems);
  }

  private record(
    tx: EntityManager,
    caller: Caller,
    type: string,
    row: YearRecordRow,
    payload: Record<string, unknown>,
  ) {
    return this.chain.append(tx, {
      type,
      ...chainActor(caller),
      subjectId: row.id,
      payload: { recordId: row.id, schoolId: row.schoolId, schoolYear: row.schoolYear, ...payload },
      at: this.clock.now(),
    });
  }
}
