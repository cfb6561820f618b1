import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AdminAuditService } from '@dh/audit';
import { Clock } from '@dh/clock';
import { inTransaction } from '@dh/database';
import { InputValidationException } from '@dh/errors';
import {
  Caller,
  decideInWard,
  IdentityException,
  IdentityExceptionCode,
  chainActor,
  School,
  Ward,
  wardsFor,
} from '@dh/identity';
import { DirectoryException, DirectoryExceptionCode } from './directory.exception';
import { CreateServiceProviderDto, DirectoryQueryDto, ServiceProviderDto } from './dtos/service-provider.dto';
import { fieldsOf, fieldsOfRow, ProviderView, searchKeyOf, searchWords, toView } from './provider-fields';
import { PROVIDER_KINDS, ServiceProvider } from './service-provider.entity';

// Built from the constant list, never from input.
const KIND_ORDER = `array_position(ARRAY[${PROVIDER_KINDS.map((k) => `'${k}'`).join(',')}]::text[], p.kind)`;
const notFound = () => new DirectoryException(DirectoryExceptionCode.PROVIDER_NOT_FOUND);

// A ward's directory of referral receivers: read by whoever works or inspects in the ward, kept by the admin.
// Every change is an event of the admin chain, in the same transaction as the change; the event and the
// answer carry the row as read back after the write, not the request.
@Injectable()
export class DirectoryService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly chain: AdminAuditService,
    private readonly clock: Clock,
  ) {}

  async list(caller: Caller, query: DirectoryQueryDto): Promise<ProviderView[]> {
    const reach = wardsFor(caller, 'directory.read', await this.schoolWardsOf(caller));
    const asked = query.wardId?.toLowerCase();
    if (asked !== undefined && reach !== 'all' && !reach.includes(asked))
      throw new DirectoryException(DirectoryExceptionCode.WARD_NOT_FOUND);
    const wards = asked !== undefined ? [asked] : reach;
    if (wards !== 'all' && wards.length === 0) return [];
    const qb = this.source.getRepository(ServiceProvider).createQueryBuilder('p');
    if (wards !== 'all') qb.andWhere('p.ward_id = ANY(:wards)', { wards });
    if (query.kind !== undefined) qb.andWhere('p.kind = :kind', { kind: query.kind });
    if (query.includeInactive !== true) qb.andWhere('p.active');
    // Every word, in any order, with or without diacritics, as the start of a word: "tram y" finds "Trạm y tế
    // phường", and "an" does not find every "thanh". Words hold letters and digits only: nothing to escape.
    const words = searchWords(query.q ?? '');
    words.forEach((word, i) =>
      qb.andWhere(`(p.search_key LIKE :s${i} OR p.search_key LIKE :m${i})`, {
        [`s${i}`]: `${word}%`,
        [`m${i}`]: `% ${word}%`,
      }),
    );
    // The 111 hotline first, then the ward's own bodies, in the order DOMAIN.md lists the kinds.
    const rows = await qb.orderBy(KIND_ORDER, 'ASC').addOrderBy('p.name', 'ASC').addOrderBy('p.id', 'ASC').getMany();
    return rows.map(toView);
  }

  async get(caller: Caller, id: string): Promise<ProviderView> {
    return toView(await this.reach(this.source.manager, caller, id, 'directory.read'));
  }

  create(admin: Caller, dto: CreateServiceProviderDto): Promise<ProviderView> {
    const wardId = dto.wardId ?? admin.wardId;
    if (!wardId)
      throw new InputValidationException([
        {
          field: 'wardId',
          problems: [
            'Cần chọn phường khi tài khoản quản trị không thuộc phường nào / wardId is required when the admin belongs to no ward',
          ],
        },
      ]);
    return inTransaction(this.source, async (tx) => {
      if (!(await tx.getRepository(Ward).existsBy({ id: wardId })))
        throw new DirectoryException(DirectoryExceptionCode.WARD_NOT_FOUND, { field: 'wardId' });
      if (decideInWard(admin, 'directory.manage', wardId, await this.schoolWardsOf(admin)) !== 'allow')
        throw new DirectoryException(DirectoryExceptionCode.WARD_NOT_FOUND, { field: 'wardId' });
      const now = this.clock.now();
      const fields = fieldsOf(dto);
      const row = tx
        .getRepository(ServiceProvider)
        .create({ wardId, ...fields, searchKey: searchKeyOf(fields), active: true, createdAt: now, updatedAt: now });
      await tx.getRepository(ServiceProvider).insert(row);
      const stored = await tx.getRepository(ServiceProvider).findOneByOrFail({ id: row.id });
      await this.record(tx, admin, 'DIRECTORY_PROVIDER_CREATED', stored, { after: fieldsOfRow(stored) });
      return toView(stored);
    });
  }

  // A PUT: the fields sent replace the receiver's, and a field left out is cleared. The ward stays.
  update(admin: Caller, id: string, dto: ServiceProviderDto): Promise<ProviderView> {
    return inTransaction(this.source, async (tx) => {
      const row = await this.reach(tx, admin, id, 'directory.manage');
      const before = fieldsOfRow(row);
      const after = fieldsOf(dto);
      await tx
        .getRepository(ServiceProvider)
        .update({ id }, { ...after, searchKey: searchKeyOf(after), updatedAt: this.clock.now() });
      const stored = await tx.getRepository(ServiceProvider).findOneByOrFail({ id });
      await this.record(tx, admin, 'DIRECTORY_PROVIDER_UPDATED', stored, { before, after: fieldsOfRow(stored) });
      return toView(stored);
    });
  }

  // Never a delete: referrals will point at the row. An inactive receiver drops out of the list, not out of history.
  deactivate(admin: Caller, id: string): Promise<ProviderView> {
    return inTransaction(this.source, async (tx) => {
      const row = await this.reach(tx, admin, id, 'directory.manage');
      if (!row.active) throw new DirectoryException(DirectoryExceptionCode.PROVIDER_ALREADY_INACTIVE);
      row.active = false;
      row.updatedAt = this.clock.now();
      await tx.getRepository(ServiceProvider).update({ id }, { active: false, updatedAt: row.updatedAt });
      await this.record(tx, admin, 'DIRECTORY_PROVIDER_DEACTIVATED', row, { name: row.name });
      return toView(row);
    });
  }

  // The receiver, if the caller reaches its ward for this action: a receiver of a ward they do not read is 404.
  private async reach(
    tx: EntityManager,
    caller: Caller,
    id: string,
    action: 'directory.read' | 'directory.manage',
  ): Promise<ServiceProvider> {
    const row = await tx
      .getRepository(ServiceProvider)
      .findOne({ where: { id }, ...(action === 'directory.manage' ? { lock: { mode: 'pessimistic_write' } } : {}) });
    if (!row) throw notFound();
    const d = decideInWard(caller, action, row.wardId, await this.schoolWardsOf(caller));
    if (d === 'not_found') throw notFound();
    if (d === 'forbidden') throw new IdentityException(IdentityExceptionCode.FORBIDDEN_ROLE);
    return row;
  }

  // A school user's ward is the ward of their schools (an auditor's: of the schools of their live grants).
  private async schoolWardsOf(caller: Caller): Promise<string[]> {
    if (caller.schoolIds.length === 0) return [];
    const schools = await this.source
      .getRepository(School)
      .find({ where: { id: In(caller.schoolIds) }, select: { wardId: true } });
    return [...new Set(schools.map((s) => s.wardId))].sort();
  }

  private record(
    tx: EntityManager,
    admin: Caller,
    type: string,
    row: ServiceProvider,
    payload: Record<string, unknown>,
  ) {
    return this.chain.append(tx, {
      type,
      ...chainActor(admin),
      subjectId: row.id,
      payload: { providerId: row.id, wardId: row.wardId, ...payload },
      at: this.clock.now(),
    });
  }
}
