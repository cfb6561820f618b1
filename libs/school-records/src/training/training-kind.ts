import { dateProblems } from '../school-year';
import { accountProblems, optionalText, YearRecordKind } from '../year-record';
import { TrainingDto } from './dtos/training.dto';
import { Training } from './training.entity';

export type TrainingFields = Pick<
  Training,
  'fullName' | 'userId' | 'course' | 'organiser' | 'durationHours' | 'fromDate' | 'toDate' | 'certificate'
>;
export type TrainingView = TrainingFields & { id: string; schoolId: string; schoolYear: string; updatedAt: string };

const fieldsOfRow = (r: Training): TrainingFields => ({
  fullName: r.fullName,
  userId: r.userId,
  course: r.course,
  organiser: r.organiser,
  durationHours: r.durationHours,
  fromDate: r.fromDate,
  toDate: r.toDate,
  certificate: r.certificate,
});

export const TRAINING: YearRecordKind<Training, TrainingDto, TrainingFields, TrainingView> = {
  entity: Training,
  event: 'SCHOOL_TRAINING',
  order: { fromDate: 'ASC', fullName: 'ASC', id: 'ASC' },
  fieldsOf: (dto) => ({
    fullName: dto.fullName,
    userId: dto.userId?.toLowerCase() ?? null,
    course: dto.course,
    organiser: dto.organiser,
    durationHours: dto.durationHours,
    fromDate: dto.fromDate,
    toDate: optionalText(dto.toDate),
    certificate: dto.certificate,
  }),
  fieldsOfRow,
  check: async (at, f, before) => [
    ...dateProblems(at.schoolYear, { fromDate: f.fromDate, toDate: f.toDate }, ['fromDate', 'toDate']),
    ...(await accountProblems(at, f.userId, before?.userId)),
  ],
  toView: (r) => ({
    id: r.id,
    schoolId: r.schoolId,
    schoolYear: r.schoolYear,
    ...fieldsOfRow(r),
    updatedAt: r.updatedAt.toISOString(),
  }),
};
