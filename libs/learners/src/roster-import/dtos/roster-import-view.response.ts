import { ApiProperty } from '@nestjs/swagger';
import type { Sex } from '../../learner.entity';
import type { RosterFileKind } from '../roster-file';
import type { RosterImportStatus } from '../roster-import.entity';
import type {
  DoubtfulRow,
  RosterAction,
  RosterCandidate,
  RosterImportView,
  RosterPreviewRow,
} from '../roster-import-view';
import type { RefusedRow, RowProblem, RowProblemCode } from '../roster-rows';
import { ROSTER_FIELDS, RosterField } from '../roster-columns';
import { RosterMappingDto } from './roster-import.dto';

const PROBLEM_CODES: RowProblemCode[] = [
  'no_name',
  'bad_birth_date',
  'implausible_birth_date',
  'unknown_sex',
  'no_class',
  'bad_national_id',
  'bad_phone',
  'duplicate_in_file',
];

export class RosterRowProblemDto implements RowProblem {
  @ApiProperty({ enum: ROSTER_FIELDS, enumName: 'RosterField' }) field!: RosterField;
  @ApiProperty({ enum: PROBLEM_CODES, enumName: 'RosterRowProblemCode' }) code!: RowProblemCode;
  @ApiProperty() message!: string;
  @ApiProperty() messageEn!: string;
}

export class RosterRefusedRowDto implements RefusedRow {
  @ApiProperty({ description: 'Số dòng trong tệp / the row number in the file' }) row!: number;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: [RosterRowProblemDto] }) problems!: RosterRowProblemDto[];
}

export class RosterPreviewRowDto implements RosterPreviewRow {
  @ApiProperty() row!: number;
  @ApiProperty() fullName!: string;
  @ApiProperty({ format: 'date' }) dateOfBirth!: string;
  @ApiProperty({ enum: ['nam', 'nu', 'khong_ro'], enumName: 'Sex' }) sex!: Sex;
  @ApiProperty() className!: string;
  @ApiProperty({ type: String, nullable: true }) nationalId!: string | null;
  @ApiProperty({ type: String, nullable: true }) guardianName!: string | null;
  @ApiProperty({ type: String, nullable: true }) guardianPhone!: string | null;
  @ApiProperty({ enum: ['add', 'update', 'doubtful'], enumName: 'RosterAction' }) action!: RosterAction;
}

export class RosterCandidateDto implements RosterCandidate {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ format: 'date' }) dateOfBirth!: string;
  @ApiProperty() className!: string;
}

export class RosterDoubtfulRowDto implements DoubtfulRow {
  @ApiProperty() row!: number;
  @ApiProperty() fullName!: string;
  @ApiProperty({ format: 'date' }) dateOfBirth!: string;
  @ApiProperty({ type: [RosterCandidateDto] }) candidates!: RosterCandidateDto[];
}

export class RosterPlanDto {
  @ApiProperty() add!: number;
  @ApiProperty() update!: number;
  @ApiProperty() doubtful!: number;
  @ApiProperty() refused!: number;
  @ApiProperty({ description: 'đánh dấu đã rời trường (danh sách đầy đủ) / marked as having left (a full roster)' })
  left!: number;
}

export class RosterImportViewDto implements RosterImportView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ description: 'SHA-256 của tệp / the file’s SHA-256, hex' }) sha256!: string;
  @ApiProperty({ enum: ['xlsx', 'csv'], enumName: 'RosterFileKind' }) fileKind!: RosterFileKind;
  @ApiProperty({ enum: ['preview', 'running', 'done', 'failed'], enumName: 'RosterImportStatus' })
  status!: RosterImportStatus;
  @ApiProperty({ description: 'Dòng tiêu đề cột / the header row’s number' }) headerRow!: number;
  @ApiProperty({ type: [String] }) headers!: string[];
  @ApiProperty({ type: RosterMappingDto }) mapping!: RosterMappingDto;
  @ApiProperty() fullRoster!: boolean;
  @ApiProperty() rowsTotal!: number;
  @ApiProperty() rowsRead!: number;
  @ApiProperty() rowsTaken!: number;
  @ApiProperty() rowsRefused!: number;
  @ApiProperty() rowsDoubtful!: number;
  @ApiProperty() learnersAdded!: number;
  @ApiProperty() learnersUpdated!: number;
  @ApiProperty() learnersLeft!: number;
  @ApiProperty({ type: RosterPlanDto }) planned!: RosterPlanDto;
  @ApiProperty({ type: [RosterPreviewRowDto] }) preview!: RosterPreviewRowDto[];
  @ApiProperty({ type: [RosterRefusedRowDto] }) refused!: RosterRefusedRowDto[];
  @ApiProperty({ type: [RosterDoubtfulRowDto] }) doubtful!: RosterDoubtfulRowDto[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) confirmedAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: Date | null;
}
