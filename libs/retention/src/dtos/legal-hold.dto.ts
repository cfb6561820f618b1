import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class LegalHoldDto {
  @ApiProperty({ example: 'Cơ quan công an đang điều tra vụ việc; giữ hồ sơ theo yêu cầu ngày 02/3.' })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be empty' })
  @MaxLength(2000)
  reason!: string;
}

export class LegalHoldViewDto {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ description: 'Đang giữ lại / under a legal hold' })
  held!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'Lý do (chỉ người được đọc nội dung bảo mật) / reason' })
  reason!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  placedBy!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  placedAt!: string | null;
}
