import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
import { Text } from '@dh/cases';
import { CONTACT_WAYS, ContactWay, Instant, LONG, SHORT } from '../../case-records/record-fields';

export class RecordFollowUpDto {
  @ApiProperty({
    example: '2026-04-01T10:00:00+07:00',
    description: 'không được ở sau thời điểm hiện tại / not in the future',
  })
  @Instant
  contactedAt!: string;

  @ApiProperty({ enum: CONTACT_WAYS })
  @IsIn(CONTACT_WAYS)
  how!: ContactWay;

  @ApiProperty({ example: 'Mẹ em và giáo viên chủ nhiệm', description: 'liên hệ với ai / with whom' })
  @Text(SHORT)
  withWhom!: string;

  @ApiProperty({ description: 'kết quả có được duy trì không / whether the result holds' })
  @IsBoolean()
  resultKept!: boolean;

  @ApiProperty()
  @Text(LONG)
  notes!: string;
}
