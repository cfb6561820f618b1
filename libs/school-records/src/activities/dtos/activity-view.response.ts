import { ApiProperty } from '@nestjs/swagger';
import { AREA_CODES, AreaCode } from '@dh/cases';
import type { ActivityView } from '../activity-kind';
import { ACTIVITY_KINDS, ActivityKind } from '../activity.entity';

export class ActivityViewDto implements ActivityView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({ example: '2026-2027' }) schoolYear!: string;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ enum: ACTIVITY_KINDS, enumName: 'ActivityKind' }) kind!: ActivityKind;
  @ApiProperty({ description: 'the activity’s title' }) name!: string;
  @ApiProperty({ enum: AREA_CODES, enumName: 'AreaCode', isArray: true }) areas!: AreaCode[];
  @ApiProperty({ type: [Number] }) grades!: number[];
  @ApiProperty() parents!: boolean;
  @ApiProperty() teachers!: boolean;
  @ApiProperty() participants!: number;
  @ApiProperty() girls!: number;
  @ApiProperty({ type: String, nullable: true }) partners!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
