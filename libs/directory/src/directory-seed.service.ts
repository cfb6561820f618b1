import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { basename } from 'node:path';
import { DataSource } from 'typeorm';
import { AdminAuditService } from '@dh/audit';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { inTransaction } from '@dh/database';
import { Caller, primaryRole, Ward } from '@dh/identity';
import { DirectoryException, DirectoryExceptionCode } from './directory.exception';
import { loadDirectorySeed } from './directory-seed-file';
import { fieldsOf, searchKeyOf } from './provider-fields';
import { ServiceProvider } from './service-provider.entity';

export type DirectorySeedResult = { wardId: string; created: number };

// A new ward's directory starts from the seed file. Once: a ward whose directory holds any receiver, active or
// not, is left as it is, so a second run changes nothing and never undoes the ward's own edits.
@Injectable()
export class DirectorySeedService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly chain: AdminAuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // `by`: the admin who asked (the demo seed), or null for an operator's command.
  async seedWard(wardId: string, by: Caller | null, requestId: string): Promise<DirectorySeedResult> {
    const entries = loadDirectorySeed(this.config.directorySeedFile);
    return inTransaction(this.source, async (tx) => {
      // The ward's row is the lock: two runs at once seed it once.
      const ward = await tx.getRepository(Ward).findOne({ where: { id: wardId }, lock: { mode: 'pessimistic_write' } });
      if (!ward) throw new DirectoryException(DirectoryExceptionCode.WARD_NOT_FOUND);
      if (await tx.getRepository(ServiceProvider).existsBy({ wardId })) return { wardId, created: 0 };
      const now = this.clock.now();
      const rows = entries.map((dto) => {
        const fields = fieldsOf(dto);
        return tx
          .getRepository(ServiceProvider)
          .create({ wardId, ...fields, searchKey: searchKeyOf(fields), active: true, createdAt: now, updatedAt: now });
      });
      await tx.getRepository(ServiceProvider).insert(rows);
      await this.chain.append(tx, {
        type: 'DIRECTORY_SEEDED',
        actorId: by?.id ?? null,
        actorRole: by ? primaryRole(by.roles) : null,
        subjectId: wardId,
        payload: {
          wardId,
          file: basename(this.config.directorySeedFile),
          providers: rows.map((r) => ({ providerId: r.id, name: r.name, kind: r.kind })),
        },
        requestId,
        at: now,
      });
      return { wardId, created: rows.length };
    });
  }
}
