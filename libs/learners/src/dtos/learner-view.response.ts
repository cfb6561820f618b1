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
  @ApiProperty({
    type: String,
    nullable: true,
    example: '001213000123',
    description:
      'Mã định danh học sinh; null khi không có hoặc bị che (như thông tin gia đình) / the national learner ID; null where there is none or the caller may not read it (the family’s rule, then masked)',
  })
  nationalId!: string | null;
  @ApiProperty({
    type: [String],
    description:
      'Các trường bị che / the fields hidden from the caller: guardians, nationalId (where the learner has one)',
  })
  masked!: string[];
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'Ngày rời trường (danh sách toàn trường không còn học sinh này) / when a full roster no longer listed them; null while at the school',
  })
  leftAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}
