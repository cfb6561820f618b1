import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AdminAuditService } from '@dh/audit';
import { Clock } from '@dh/clock';
import { inTransaction } from '@dh/database';
import { InputValidationException } from '@dh/errors';
import { Caller, chainActor } from '@dh/identity';
import { schoolFor } from '../school-records-access';
import { optionalText } from '../year-record';
import { FacilitiesFieldsDto } from './dtos/facilities.dto';
import { Facilities, ONLINE_CHANNELS } from './facilities.entity';

type FacilitiesFields = Pick<Facilities, 'counsellingRoom' | 'roomPrivate' | 'onlineChannels' | 'note'>;
export type FacilitiesView = FacilitiesFields & { schoolId: string; schoolYear: string; updatedAt: string | null };

const NOTHING: FacilitiesFields = { counsellingRoom: false, roomPrivate: false, onlineChannels: [], note: null };

const fieldsOfRow = (f: Facilities | null): FacilitiesFields =>
  f
    ? { counsellingRoom: f.counsellingRoom, roomPrivate: f.roomPrivate, onlineChannels: f.onlineChannels, note: f.note }
    : NOTHING;

// The channels in the order the list names them, whatever order they were sent in.
const fieldsOf = (dto: FacilitiesFieldsDto): FacilitiesFields => ({
  counsellingRoom: dto.counsellingRoom,
  roomPrivate: dto.roomPrivate,
  onlineChannels: ONLINE_CHANNELS.filter((c) => dto.onlineChannels.includes(c)),
  note: optionalText(dto.note),
});

// One row per school and school year, replaced as a whole. A replacement that changes nothing writes nothing and
// adds no event.
@Injectable()
export class FacilitiesService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly chain: AdminAuditService,
    private readonly clock: Clock,
  ) {}

  async get(caller: Caller, schoolId: string, schoolYear: string): Promise<FacilitiesView> {
    await schoolFor(this.source.manager, caller, schoolId, 'school_records.read');
    return this.view(this.source.manager, schoolId, schoolYear);
  }

  set(caller: Caller, schoolId: string, schoolYear: string, dto: FacilitiesFieldsDto): Promise<FacilitiesView> {
    return inTransaction(this.source, async (tx) => {
      await schoolFor(tx, caller, schoolId, 'school_records.write');
      const after = fieldsOf(dto);
      if (after.roomPrivate && !after.counsellingRoom)
        throw new InputValidationException([
          {
            field: 'roomPrivate',
            problems: [
              'Trường chưa có phòng tư vấn nên không thể ghi phòng riêng tư, yên tĩnh / roomPrivate needs counsellingRoom',
            ],
          },
        ]);
      const repo = tx.getRepository(Facilities);
      const row = await repo.findOne({ where: { schoolId, schoolYear }, lock: { mode: 'pessimistic_write' } });
      const before = fieldsOfRow(row);
      if (row && JSON.stringify(before) === JSON.stringify(after)) return this.view(tx, schoolId, schoolYear);
      const now = this.clock.now();
      await repo.upsert({ schoolId, schoolYear, ...after, createdAt: row?.createdAt ?? now, updatedAt: now }, [
        'schoolId',
        'schoolYear',
      ]);
      await this.chain.append(tx, {
        type: 'SCHOOL_FACILITIES_SET',
        ...chainActor(caller),
        subjectId: schoolId,
        payload: { schoolId, schoolYear, ...(row ? { before } : {}), after },
        at: now,
      });
      return this.view(tx, schoolId, schoolYear);
    });
  }

  private async view(tx: EntityManager, schoolId: string, schoolYear: string): Promise<FacilitiesView> {
    const row = await tx.getRepository(Facilities).findOneBy({ schoolId, schoolYear });
    return { schoolId, schoolYear, ...fieldsOfRow(row), updatedAt: row?.updatedAt.toISOString() ?? null };
  }
}
