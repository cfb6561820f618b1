import { ApiProperty } from '@nestjs/swagger';
import type { LearnerView } from '../learner-family.service';
import type { Sex } from '../learner.entity';
import { GuardianDto } from './create-learner.dto';

export class LearnerViewDto implements LearnerView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ format: 'date' }) dateOfBirth!: string;
  @ApiProperty({ enum: ['nam', 'nu', 'khong_ro'], enumName: 'Sex' }) sex!: Sex;
  @ApiProperty({ example: '7A2' }) className!: string;
  @ApiProperty({
    type: [GuardianDto],
    nullable: true,
    description: 'null where the caller may not read the family (then masked)',
  })
  guardians!: GuardianDto[] | null;
  @ApiProperty({ type: [String] }) masked!: string[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}
