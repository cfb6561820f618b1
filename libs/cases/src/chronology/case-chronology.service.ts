import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditService } from '@dh/audit';
import { LocalTime } from '@dh/calendar';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { Caller, User } from '@dh/identity';
import { CaseService } from '../case.service';
import { ConfidentialAccess } from '../confidential/confidential-access.service';
import {
  byOccurrence,
  ChronologyEntry,
  inChronology,
  toChronologyEntry,
  withoutRecordLink,
  withRecordAttachments,
} from './chronology-entries';

// The case's story as the paper logbook tells it: stage changes, sessions, contacts, referral steps,
// consents, in the order they happened, each with who and when. Built from the audit chain, the one
// record nobody can alter, so it never disagrees with /history; it shows no sealed content, so reading
// it is not itself an event.
@Injectable()
export class CaseChronologyService {
  private readonly local: LocalTime;

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly cases: CaseService,
    private readonly audit: AuditService,
    private readonly confidential: ConfidentialAccess,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.local = new LocalTime(config.tzName);
  }

  async chronology(caller: Caller, id: string): Promise<{ items: ChronologyEntry[] }> {
    const row = await this.cases.findVisible(caller, id, undefined, false, 'case.history');
    const events = (await this.audit.history(row.id)).filter(inChronology);
    const actorIds = [...new Set(events.map((e) => e.actorId).filter((a): a is string => a !== null))];
    const users = actorIds.length
      ? await this.source
          .getRepository(User)
          .find({ where: { id: In(actorIds) }, select: { id: true, fullName: true } })
      : [];
    const names = new Map(users.map((u) => [u.id, u.fullName]));
    const dayStart = (date: string) => this.local.at(date, 0);
    const entries = events.map((e) => toChronologyEntry(e, names, dayStart, this.audit.mask(e.type, e.payload)));
    // Which record a file belongs to is the case's content, as the attachments list holds it: a reader of the case
    // who may not read that content sees that files were attached, and when, not to what.
    const reveal = await this.confidential.mayRead(this.source.manager, caller, row);
    return { items: (reveal ? withRecordAttachments(entries) : entries.map(withoutRecordLink)).sort(byOccurrence) };
  }
}
