import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AdminAuditService } from '@dh/audit';
import { Clock } from '@dh/clock';
import { inTransaction } from '@dh/database';
import { Caller, chainActor } from '../caller';
import { IdentityException, IdentityExceptionCode } from '../identity.exception';
import { School } from '../school.entity';
import { whenCodeTaken } from '../unique-names';
import { Ward } from '../ward.entity';

export type WardView = { id: string; code: string; name: string; createdAt: string };
export type SchoolView = WardView & { wardId: string };

// Wards and schools are the tenancy boundary: created and renamed by the admin only, each change in the
// admin chain. A school's code never changes: it is part of every case number already issued.
// Answers and chain events carry the row as read back after the write.
@Injectable()
export class AdminSchoolsService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly chain: AdminAuditService,
    private readonly clock: Clock,
  ) {}

  createWard(admin: Caller, input: { code: string; name: string }): Promise<WardView> {
    return whenCodeTaken(
      inTransaction(this.source, async (tx) => {
        await this.assertCodeFree(tx, Ward, input.code);
        const { id } = await tx
          .getRepository(Ward)
          .save(tx.getRepository(Ward).create({ code: input.code, name: input.name.trim() }));
        const ward = await tx.getRepository(Ward).findOneByOrFail({ id });
        await this.record(tx, admin, 'WARD_CREATED', ward.id, { code: ward.code, name: ward.name });
        return toWardView(ward);
      }),
      'ward',
      input.code,
    );
  }

  createSchool(admin: Caller, input: { wardId: string; code: string; name: string }): Promise<SchoolView> {
    return whenCodeTaken(
      inTransaction(this.source, async (tx) => {
        if (!(await tx.getRepository(Ward).existsBy({ id: input.wardId })))
          throw new IdentityException(IdentityExceptionCode.WARD_NOT_FOUND);
        await this.assertCodeFree(tx, School, input.code);
        const { id } = await tx
          .getRepository(School)
          .save(tx.getRepository(School).create({ wardId: input.wardId, code: input.code, name: input.name.trim() }));
        const school = await tx.getRepository(School).findOneByOrFail({ id });
        await this.record(tx, admin, 'SCHOOL_CREATED', school.id, {
          wardId: school.wardId,
          code: school.code,
          name: school.name,
        });
        return toSchoolView(school);
      }),
      'school',
      input.code,
    );
  }

  renameSchool(admin: Caller, id: string, name: string): Promise<SchoolView> {
    const what = { entity: School, notFound: IdentityExceptionCode.SCHOOL_NOT_FOUND, event: 'SCHOOL_RENAMED' };
    return this.rename(admin, what, id, name).then((s) => toSchoolView(s as School));
  }

  renameWard(admin: Caller, id: string, name: string): Promise<WardView> {
    const what = { entity: Ward, notFound: IdentityExceptionCode.WARD_NOT_FOUND, event: 'WARD_RENAMED' };
    return this.rename(admin, what, id, name).then(toWardView);
  }

  // A new name, never a new code: the code starts every case number already given.
  private rename(
    admin: Caller,
    what: { entity: typeof Ward | typeof School; notFound: IdentityExceptionCode; event: string },
    id: string,
    name: string,
  ): Promise<Ward | School> {
    return inTransaction(this.source, async (tx) => {
      const repo = tx.getRepository<Ward | School>(what.entity);
      const before = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw new IdentityException(what.notFound);
      await repo.update({ id }, { name: name.trim() });
      const after = await repo.findOneByOrFail({ id });
      await this.record(tx, admin, what.event, id, { before: before.name, after: after.name });
      return after;
    });
  }

  async wards(): Promise<WardView[]> {
    return (await this.source.getRepository(Ward).find({ order: { code: 'ASC' } })).map(toWardView);
  }

  async schools(): Promise<SchoolView[]> {
    return (await this.source.getRepository(School).find({ order: { code: 'ASC' } })).map(toSchoolView);
  }

  private async assertCodeFree(tx: EntityManager, entity: typeof Ward | typeof School, code: string): Promise<void> {
    if (await tx.getRepository(entity).existsBy({ code }))
      throw new IdentityException(IdentityExceptionCode.CODE_TAKEN, { code });
  }

  private record(tx: EntityManager, admin: Caller, type: string, subjectId: string, payload: Record<string, unknown>) {
    return this.chain.append(tx, { type, ...chainActor(admin), subjectId, payload, at: this.clock.now() });
  }
}

const toWardView = (w: Ward): WardView => ({
  id: w.id,
  code: w.code,
  name: w.name,
  createdAt: w.createdAt.toISOString(),
});
const toSchoolView = (s: School): SchoolView => ({
  id: s.id,
  wardId: s.wardId,
  code: s.code,
  name: s.name,
  createdAt: s.createdAt.toISOString(),
});
