import { ApiProperty } from '@nestjs/swagger';
import type { FacilitiesView } from '../facilities.service';
import { ONLINE_CHANNELS, OnlineChannel } from '../facilities.entity';

export class FacilitiesViewDto implements FacilitiesView {
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({ example: '2026-2027' }) schoolYear!: string;
  @ApiProperty() counsellingRoom!: boolean;
  @ApiProperty() roomPrivate!: boolean;
  @ApiProperty({ enum: ONLINE_CHANNELS, enumName: 'OnlineChannel', isArray: true }) onlineChannels!: OnlineChannel[];
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'null: nothing recorded yet for this school year (everything shown as absent)',
  })
  updatedAt!: string | null;
}
