import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@dh/errors';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../../alert-delivery.entity';

export class OutboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, enumName: 'DeliveryStatus', description: 'failed: what gave up' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'one person’s messages' })
  @IsOptional()
  @IsUUID()
  userId?: string;
}

export class RetryAllDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'only this person’s failed messages' })
  @IsOptional()
  @IsUUID()
  userId?: string;
}
