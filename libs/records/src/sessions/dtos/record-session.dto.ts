import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import { RankedAreaDto, RankedAreas, Text } from '@dh/cases';
import { Instant, LONG, SHORT } from '../../case-records/record-fields';
import {
  SESSION_CHANNELS,
  SESSION_ENDINGS,
  SESSION_MODES,
  SessionChannel,
  SessionEnding,
  SessionMode,
} from '../counselling-session.entity';

export class RecordSessionDto {
  @ApiProperty({ enum: SESSION_MODES, description: 'truc_tiep: trực tiếp; truc_tuyen: trực tuyến' })
  @IsIn(SESSION_MODES)
  mode!: SessionMode;

  @ApiPropertyOptional({
    example: 'Phòng tư vấn tầng 2',
    description: 'bắt buộc khi trực tiếp / required when in person',
  })
  @ValidateIf((o: RecordSessionDto) => o.mode === 'truc_tiep' || o.place !== undefined)
  @Text(SHORT)
  place?: string;

  @ApiPropertyOptional({ enum: SESSION_CHANNELS, description: 'bắt buộc khi trực tuyến / required when online' })
  @ValidateIf((o: RecordSessionDto) => o.mode === 'truc_tuyen' || o.channel !== undefined)
  @IsIn(SESSION_CHANNELS)
  channel?: SessionChannel;

  @ApiProperty({
    example: '2026-03-02T09:00:00+07:00',
    description: 'giờ bắt đầu, không được ở sau thời điểm hiện tại / when it started, not in the future',
  })
  @Instant
  startedAt!: string;

  @ApiProperty({ minimum: 1, maximum: 600 })
  @IsInt()
  @Min(1)
  @Max(600)
  minutes!: number;

  @ApiProperty({
    example: ['Lắng nghe tích cực', 'Tham vấn nhận thức – hành vi'],
    description: 'phương pháp đã áp dụng / methods used',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Text(SHORT, true)
  methods!: string[];

  @ApiProperty({ description: 'đánh giá hiệu quả / evaluation of the effect' })
  @Text(LONG)
  evaluation!: string;

  @ApiProperty({
    enum: SESSION_ENDINGS,
    description: 'dung_va_theo_doi: dừng và theo dõi; tiep_tuc: tiếp tục; chuyen_gui: chuyển gửi',
  })
  @IsIn(SESSION_ENDINGS)
  ending!: SessionEnding;

  @ApiPropertyOptional({
    example: 'Trạm y tế phường',
    description: 'bắt buộc khi chuyển gửi / required when ending is chuyen_gui',
  })
  @ValidateIf((o: RecordSessionDto) => o.ending === 'chuyen_gui' || o.referTo !== undefined)
  @Text(SHORT)
  referTo?: string;

  @ApiPropertyOptional({
    example: '2026-03-09T09:00:00+07:00',
    description: 'hẹn lần sau, sau giờ bắt đầu / next appointment, after the start',
  })
  @IsOptional()
  @Instant
  nextAppointment?: string;

  @ApiPropertyOptional({ type: [RankedAreaDto] })
  @IsOptional()
  @RankedAreas
  areas?: RankedAreaDto[];
}
