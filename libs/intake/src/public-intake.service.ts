import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseService } from '@dh/cases';
import { Clock } from '@dh/clock';
import { FieldCipher } from '@dh/crypto';
import { inTransaction } from '@dh/database';
import { InputValidationException } from '@dh/errors';
import { AlertService } from '@dh/escalations';
import { School } from '@dh/identity';
import { PublicIntakeAnswer, PublicIntakeDto } from './dtos/public-intake.dto';
import { IntakeException, IntakeExceptionCode } from './intake.exception';
import { IntakeFloodService } from './flood/intake-flood.service';
import { ProofOfWorkService } from './proof-of-work/proof-of-work.service';
import { newTrackingCode, trackingDigestInput } from './tracking-code';

// The first risk level is the reporter's own word: "I am in danger" starts the same-day first-contact clock.
const RATIONALE = {
  urgent: 'Tin báo trực tuyến: người báo cho biết đang gặp nguy hiểm. Chưa được đánh giá.',
  usual: 'Tin báo trực tuyến, chưa được đánh giá.',
};

// The same answer whether a case was opened or a bot's post was rolled back: nothing tells them apart.
const answer = (trackingCode: string): PublicIntakeAnswer => ({
  trackingCode,
  message:
    `Cảm ơn em đã báo tin. Mã theo dõi của em là ${trackingCode}. Nhà trường sẽ liên hệ lại nếu em để lại cách liên hệ. ` +
    'Nếu em đang gặp nguy hiểm, hãy gọi ngay Tổng đài quốc gia bảo vệ trẻ em 111.',
  messageEn:
    `Thank you for your report. Your tracking code is ${trackingCode}. The school will contact you if you left a way to reach you. ` +
    'If you are in danger now, call the national child-protection hotline 111.',
});

export type PublicReport = Omit<PublicIntakeDto, 'altcha'>;

// Thrown at the end of a honeypot post's transaction to roll it back.
class HoneypotRollback extends Error {}

// A report from the public form (no login): its proof of work spent, then a new case in the school's intake queue,
// unassigned, its supervisors alerted (one by one, or in the flood's summary: IntakeFloodService), all in one
// transaction. The answer holds a tracking code and nothing about the case.
@Injectable()
export class PublicIntakeService {
  private readonly logger = new Logger(PublicIntakeService.name);

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly cases: CaseService,
    private readonly alerts: AlertService,
    private readonly flood: IntakeFloodService,
    private readonly proofOfWork: ProofOfWorkService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async report(dto: PublicIntakeDto, requestId: string): Promise<PublicIntakeAnswer> {
    await this.proofOfWork.spend(dto.altcha);
    return this.accept(dto, requestId);
  }

  // What a school's notice-board code names: its code and name, nothing more (both are on the notice board).
  async school(code: string): Promise<{ code: string; name: string }> {
    const wanted = code.trim().toUpperCase();
    const school = /^[A-Z0-9]{2,10}$/.test(wanted)
      ? await this.source.getRepository(School).findOneBy({ code: wanted })
      : null;
    if (!school) throw new IntakeException(IntakeExceptionCode.SCHOOL_NOT_FOUND);
    return { code: school.code, name: school.name };
  }

  // A report whose proof of work was spent, or one the server writes itself (the demo data).
  async accept(dto: PublicReport, requestId: string): Promise<PublicIntakeAnswer> {
    const trackingCode = newTrackingCode();
    // A filled honeypot does all the work of a report and rolls it back: its answer comes as late as a real one's,
    // so its timing does not tell a bot it was caught. Nothing of the post is logged: a person who filled it by
    // mistake may have written about a child.
    const honeypot = dto.website !== undefined && dto.website.trim() !== '';
    try {
      await inTransaction(this.source, async (tx) => {
        await this.open(tx, dto, trackingCode, requestId, honeypot);
        if (honeypot) throw new HoneypotRollback();
      });
    } catch (e) {
      if (!(e instanceof HoneypotRollback)) throw e;
      this.logger.debug({ msg: 'public intake: honeypot filled, nothing stored', requestId });
    }
    return answer(trackingCode);
  }

  private async open(
    tx: EntityManager,
    dto: PublicReport,
    trackingCode: string,
    requestId: string,
    honeypot: boolean,
  ): Promise<void> {
    const school = await tx.getRepository(School).findOneBy({ code: dto.schoolCode });
    if (!school)
      throw new InputValidationException([
        { field: 'schoolCode', problems: ['Không có trường nào mang mã này / no school has this code'] },
      ]);
    const now = this.clock.now();
    const admission = await this.flood.admit(tx, school.id, now);
    const urgent = dto.urgent === true;
    const contact = dto.contact === undefined || dto.contact === '' ? undefined : dto.contact;
    const row = await this.cases.openWithin(tx, {
      school,
      learnerId: null,
      areas: [],
      channel: 'truc_tuyen',
      summary: dto.whatIsHappening,
      riskLevel: urgent ? 'high' : 'medium',
      riskRationale: urgent ? RATIONALE.urgent : RATIONALE.usual,
      assigneeId: null,
      reporter: { anonymous: true, contact },
      openedBy: 'public',
      requestId,
      trackingDigest: this.cipher.digest(trackingDigestInput(trackingCode)),
      bulkTriage: admission.bulkTriage,
    });
    if (admission.bulkTriage) {
      await this.flood.summarise(tx, admission.flood, urgent, now);
    } else {
      await this.alerts.raiseForCase(tx, { caseId: row.id, schoolId: school.id, code: row.code }, now, {
        level: 'public_intake',
        to: ['supervisors'],
        subject: 'Đồng Hành: tin báo trực tuyến mới',
        text: (name) => [
          `Tin báo trực tuyến mới${urgent ? ' (người báo đang gặp nguy hiểm)' : ''}: hồ sơ ${row.code} chờ phân công — ${name}`,
          `New online report${urgent ? ' (the reporter says they are in danger)' : ''}: case ${row.code} awaits assignment — ${name}`,
        ],
      });
    }
    if (!honeypot) {
      this.logger.log({
        msg: 'public intake: case opened',
        caseId: row.id,
        schoolId: school.id,
        urgent,
        bulkTriage: admission.bulkTriage,
        requestId,
      });
    }
  }
}
