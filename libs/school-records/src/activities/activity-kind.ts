import type { FieldProblem } from '@dh/errors';
import { dateProblems } from '../school-year';
import { optionalText, YearRecordKind } from '../year-record';
import { ActivityDto } from './dtos/activity.dto';
import { Activity } from './activity.entity';

export type ActivityFields = Pick<
  Activity,
  | 'date'
  | 'kind'
  | 'name'
  | 'areas'
  | 'grades'
  | 'parents'
  | 'teachers'
  | 'participants'
  | 'girls'
  | 'partners'
  | 'note'
>;
export type ActivityView = ActivityFields & { id: string; schoolId: string; schoolYear: string; updatedAt: string };

const fieldsOfRow = (a: Activity): ActivityFields => ({
  date: a.date,
  kind: a.kind,
  name: a.name,
  areas: a.areas,
  grades: a.grades,
  parents: a.parents,
  teachers: a.teachers,
  participants: a.participants,
  girls: a.girls,
  partners: a.partners,
  note: a.note,
});

const countProblems = (f: ActivityFields): FieldProblem[] => [
  ...(f.girls > f.participants
    ? [
        {
          field: 'girls',
          problems: [
            `Số nữ không được lớn hơn tổng số người tham gia (${f.participants}) / girls must not exceed participants (${f.participants})`,
          ],
        },
      ]
    : []),
  ...(f.grades.length === 0 && !f.parents && !f.teachers
    ? [
        {
          field: 'grades',
          problems: [
            'Cần chọn ít nhất một đối tượng: khối lớp, cha mẹ học sinh hoặc giáo viên / the audience needs at least one of grades, parents, teachers',
          ],
        },
      ]
    : []),
];

export const ACTIVITIES: YearRecordKind<Activity, ActivityDto, ActivityFields, ActivityView> = {
  entity: Activity,
  event: 'SCHOOL_ACTIVITY',
  order: { date: 'ASC', createdAt: 'ASC', id: 'ASC' },
  fieldsOf: (dto) => ({
    date: dto.date,
    kind: dto.kind,
    name: dto.name,
    areas: dto.areas,
    grades: [...dto.grades].sort((a, b) => a - b),
    parents: dto.parents,
    teachers: dto.teachers,
    participants: dto.participants,
    girls: dto.girls,
    partners: optionalText(dto.partners),
    note: optionalText(dto.note),
  }),
  fieldsOfRow,
  check: async (at, f) => [...dateProblems(at.schoolYear, { date: f.date }), ...countProblems(f)],
  toView: (a) => ({
    id: a.id,
    schoolId: a.schoolId,
    schoolYear: a.schoolYear,
    ...fieldsOfRow(a),
    updatedAt: a.updatedAt.toISOString(),
  }),
};
