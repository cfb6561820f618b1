import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { NonBlankText } from '@dh/errors';

const queryBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class RequestTransferDto {
  @ApiProperty({ format: 'uuid', description: 'trường nhận / the receiving school' })
  @IsUUID('all')
  toSchoolId!: string;
}

export class AcceptTransferDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'tư vấn viên của trường nhận, bắt buộc với hồ sơ / a counsellor of the receiving school (cases)',
  })
  @IsOptional()
  @IsUUID('all')
  assigneeId?: string;
}

export class DeclineTransferDto {
  @ApiProperty({ maxLength: 2000 })
  @NonBlankText(2000)
  reason!: string;
}

export class ListTransfersDto {
  @ApiPropertyOptional({
    description: 'true: yêu cầu gửi đến trường mình / requests to the caller’s schools; otherwise those they sent',
  })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  incoming?: boolean;
}
