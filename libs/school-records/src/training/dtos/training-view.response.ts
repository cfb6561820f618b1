import { ApiProperty } from '@nestjs/swagger';
import type { TrainingView } from '../training-kind';

export class TrainingViewDto implements TrainingView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({ example: '2026-2027' }) schoolYear!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) userId!: string | null;
  @ApiProperty() course!: string;
  @ApiProperty() organiser!: string;
  @ApiProperty({ example: 16 }) durationHours!: number;
  @ApiProperty({ format: 'date' }) fromDate!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) toDate!: string | null;
  @ApiProperty() certificate!: boolean;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
