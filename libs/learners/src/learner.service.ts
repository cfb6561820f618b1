import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { LocalTime } from '@dh/calendar';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { FieldCipher } from '@dh/crypto';
import { inTransaction } from '@dh/database';
import { InputValidationException, Page } from '@dh/errors';
import { assertAllowed, Caller, schoolNotFound, schoolsFor } from '@dh/identity';
import { nameKey } from '@dh/labels';
import { CreateLearnerDto } from './dtos/create-learner.dto';
import { SearchLearnersDto } from './dtos/search-learners.dto';
import { familyProblems } from './family-problems';
import { birthDateProblem } from './learner-age';
import { LearnerFamilyAccess, LearnerView, toLearnerView } from './learner-family.service';
import { learnerNameKey } from './learner-name-key';
import { GUARDIANS_SEALED_AS } from './learner-sealed';
import { Guardian, Learner } from './learner.entity';
import { LearnerException, LearnerExceptionCode } from './learner.exception';

export type { LearnerView } from './learner-family.service';

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// Words of a name search, diacritics, case and look-alike letters aside: every one must appear, in any order.
export const nameSearchWords = (q: string): string[] =>
  learnerNameKey(q)
    .split(' ')
    .filter(Boolean)
    .map((word) => `%${escapeLike(word)}%`);

@Injectable()
export class LearnerService {
  private readonly local: LocalTime;

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly cipher: FieldCipher,
    private readonly family: LearnerFamilyAccess,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.local = new LocalTime(config.tzName);
  }

  async create(caller: Caller, dto: CreateLearnerDto): Promise<LearnerView> {
    assertAllowed(caller, 'learner.create', dto.schoolId, schoolNotFound);
    // "On the day they are recorded": today in TZ_NAME.
    const today = this.local.of(this.clock.now()).date;
    const guardians: Guardian[] = (dto.guardians ?? []).map((g) => ({ ...g }));
    const problems = [
      birthDateProblem(dto.dateOfBirth, today),
      ...familyProblems(guardians, Number(today.slice(0, 4))),
    ].filter((p) => p !== null);
    if (problems.length) throw new InputValidationException(problems);
    const learners = this.source.getRepository(Learner);
    const skeletonKey = learnerNameKey(dto.fullName);
    if (!dto.confirmDistinct) {
      const lookalike = await learners.findOne({
        where: { schoolId: dto.schoolId, skeletonKey, dateOfBirth: dto.dateOfBirth },
        select: { id: true },
      });
      if (lookalike)
        throw new LearnerException(LearnerExceptionCode.LEARNER_LOOKS_LIKE_EXISTING, { existingId: lookalike.id });
    }
    const saved = await learners.save(
      learners.create({
        schoolId: dto.schoolId,
        fullName: dto.fullName.trim(),
        nameKey: nameKey(dto.fullName),
        skeletonKey,
        dateOfBirth: dto.dateOfBirth,
        sex: dto.sex,
        className: dto.className.trim(),
        guardians: this.cipher.sealJson(guardians, GUARDIANS_SEALED_AS),
      }),
    );
    // The answer is what PostgreSQL holds, not the request echoed back; the family it holds goes back to the
    // caller who has just typed it, and to nobody else, so nothing is read that they did not write.
    const stored = await learners.findOneByOrFail({ id: saved.id });
    return toLearnerView(stored, {
      guardians: await this.cipher.openJson<Guardian[]>(stored.guardians, GUARDIANS_SEALED_AS),
      // A learner added by hand has no ID (only a roster brings one).
      nationalId: null,
    });
  }

  // A case is opened for, or names, a learner of its own school only; anyone else's is not found.
  async assertInSchool(tx: EntityManager, learnerId: string, schoolId: string): Promise<void> {
    const found = await tx.getRepository(Learner).exists({ where: { id: learnerId, schoolId } });
    if (!found) throw new LearnerException(LearnerExceptionCode.LEARNER_NOT_FOUND);
  }

  // One transaction: the reads of family details it records stand or fall with the answer.
  async search(caller: Caller, query: SearchLearnersDto): Promise<Page<LearnerView>> {
    const readable = schoolsFor(caller, 'learner.read');
    const schools = query.schoolId ? readable.filter((s) => s === query.schoolId) : readable;
    if (schools.length === 0) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    return inTransaction(this.source, async (tx) => {
      const qb = tx.getRepository(Learner).createQueryBuilder('l').where('l.school_id = ANY(:schools)', { schools });
      // Every word must appear, in any order: "duc nguyen" finds "Nguyễn Văn Đức" too.
      const words = nameSearchWords(query.q ?? '');
      if (words.length) {
        qb.andWhere(
          new Brackets((w) =>
            words.forEach((word, i) => w.andWhere(`l.skeleton_key LIKE :w${i} ESCAPE '\\'`, { [`w${i}`]: word })),
          ),
        );
      }
      const [rows, total] = await qb
        .orderBy('l.name_key', 'ASC')
        .addOrderBy('l.id', 'ASC')
        .skip((query.page - 1) * query.pageSize)
        .take(query.pageSize)
        .getManyAndCount();
      return { items: await this.family.views(tx, caller, rows), total, page: query.page, pageSize: query.pageSize };
    });
  }
}
