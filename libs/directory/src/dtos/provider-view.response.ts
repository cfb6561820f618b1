import { ApiProperty } from '@nestjs/swagger';
import type { ProviderView } from '../provider-fields';
import { PROVIDER_KINDS, ProviderKind } from '../service-provider.entity';

export class ProviderViewDto implements ProviderView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) wardId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PROVIDER_KINDS, enumName: 'ProviderKind' }) kind!: ProviderKind;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) hours!: string | null;
  @ApiProperty({ type: String, nullable: true }) contactPerson!: string | null;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ description: 'false: deactivated, kept for the referrals that name it' }) active!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
