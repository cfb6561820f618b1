import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import { FieldCipher } from '@dh/crypto';
import { assertAllowed, Caller, schoolsFor } from '@dh/identity';
import { CaseException, CaseExceptionCode } from '../case.exception';
import { CreateLearnerDto } from '../dtos/create-learner.dto';
import { SearchLearnersDto } from '../dtos/search-learners.dto';
import { Page } from '@dh/errors';
import { SEALED_CONTEXT } from '../confidential/confidential-fields';
import { Guardian, Learner } from './learner.entity';
import { nameKey } from './vietnamese-name';

// `guardians` is null where the reader may not see family details.
export type LearnerView = Omit<Learner, 'nameKey' | 'guardians'> & { guardians: Guardian[] | null };

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class LearnerService {
  constructor(
    @InjectRepository(Learner) private readonly learners: Repository<Learner>,
    private readonly cipher: FieldCipher,
  ) {}

  async create(caller: Caller, dto: CreateLearnerDto): Promise<LearnerView> {
    assertAllowed(caller, 'learner.create', dto.schoolId, () => new CaseException(CaseExceptionCode.SCHOOL_NOT_FOUND));
    const key = nameKey(dto.fullName);
    if (!dto.confirmDistinct) {
      const lookalike = await this.learners.findOne({
        where: { schoolId: dto.schoolId, nameKey: key, dateOfBirth: dto.dateOfBirth },
        select: { id: true },
      });
      if (lookalike) throw new CaseException(CaseExceptionCode.LEARNER_LOOKS_LIKE_EXISTING, { existingId: lookalike.id });
    }
    const saved = await this.learners.save(
      this.learners.create({
        schoolId: dto.schoolId,
        fullName: dto.fullName.trim(),
        nameKey: key,
        dateOfBirth: dto.dateOfBirth,
        sex: dto.sex,
        className: dto.className.trim(),
        guardians: this.cipher.sealJson((dto.guardians ?? []).map((g) => ({ ...g })), SEALED_CONTEXT.guardians),
      }),
    );
    // The answer is what PostgreSQL holds, not the request echoed back.
    return this.toView(await this.learners.findOneByOrFail({ id: saved.id }), true);
  }

  async search(caller: Caller, query: SearchLearnersDto): Promise<Page<LearnerView>> {
    const readable = schoolsFor(caller, 'learner.read');
    const schools = query.schoolId ? readable.filter((s) => s === query.schoolId) : readable;
    if (schools.length === 0) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    const qb = this.learners.createQueryBuilder('l').where('l.school_id = ANY(:schools)', { schools });
    // Every word must appear, in any order: "duc nguyen" finds "Nguyễn Văn Đức" too.
    const words = nameKey(query.q ?? '').split(' ').filter(Boolean);
    if (words.length) {
      qb.andWhere(
        new Brackets((w) =>
          words.forEach((word, i) => w.andWhere(`l.name_key LIKE :w${i} ESCAPE '\\'`, { [`w${i}`]: `%${escapeLike(word)}%` })),
        ),
      );
    }
    const [rows, total] = await qb
      .orderBy('l.name_key', 'ASC')
      .addOrderBy('l.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    // Family details are confidential: the case team sees them, a principal does not.
    const family = (l: Learner) => caller.schoolIds.includes(l.schoolId) && caller.roles.some((r) => r === 'counsellor' || r === 'supervisor');
    return { items: await Promise.all(rows.map((l) => this.toView(l, family(l)))), total, page: query.page, pageSize: query.pageSize };
  }

  private async toView(l: Learner, withFamily: boolean): Promise<LearnerView> {
    return {
      id: l.id,
      schoolId: l.schoolId,
      fullName: l.fullName,
      dateOfBirth: l.dateOfBirth,
      sex: l.sex,
      className: l.className,
      guardians: withFamily ? await this.cipher.openJson<Guardian[]>(l.guardians, SEALED_CONTEXT.guardians) : null,
      createdAt: l.createdAt,
      updatedAt: l.updatedAt,
    };
  }
}
