import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { SchoolYearQueryDto } from '../../dtos/school-year-query.dto';
import { ONLINE_CHANNELS, OnlineChannel } from '../facilities.entity';

export class FacilitiesFieldsDto {
  @ApiProperty({ description: 'the school has a counselling room' })
  @IsBoolean()
  counsellingRoom!: boolean;

  @ApiProperty({ description: 'the room is private and quiet (only with a room)' })
  @IsBoolean()
  roomPrivate!: boolean;

  @ApiProperty({ enum: ONLINE_CHANNELS, enumName: 'OnlineChannel', isArray: true })
  @IsArray()
  @ArrayMaxSize(ONLINE_CHANNELS.length)
  @ArrayUnique()
  @IsIn(ONLINE_CHANNELS, { each: true })
  onlineChannels!: OnlineChannel[];

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

// The whole of a school's facilities for one school year: a PUT replaces them.
export class SetFacilitiesDto extends IntersectionType(SchoolYearQueryDto, FacilitiesFieldsDto) {}
