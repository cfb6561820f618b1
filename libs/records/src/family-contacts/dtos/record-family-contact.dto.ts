import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { Text } from '@dh/cases';
import { CONTACT_WAYS, ContactWay, Instant, LONG } from '../../case-records/record-fields';

export class FamilyMemberDto {
  @ApiProperty({ example: 'Nguyễn Thị Hoa' })
  @Text(200)
  fullName!: string;

  @ApiProperty({ example: 'mẹ' })
  @Text(100)
  relationship!: string;
}

export class RecordFamilyContactDto {
  @ApiProperty({
    example: '2026-03-02T16:30:00+07:00',
    description: 'không được ở sau thời điểm hiện tại / not in the future',
  })
  @Instant
  contactedAt!: string;

  @ApiProperty({ type: FamilyMemberDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => FamilyMemberDto)
  person!: FamilyMemberDto;

  @ApiProperty({
    enum: CONTACT_WAYS,
    description: 'truc_tiep: trực tiếp; dien_thoai: điện thoại; truc_tuyen: trực tuyến; van_ban: văn bản',
  })
  @IsIn(CONTACT_WAYS)
  how!: ContactWay;

  @ApiProperty({ description: 'nội dung trao đổi / what was discussed' })
  @Text(LONG)
  content!: string;

  @ApiPropertyOptional({ description: 'điều đã thống nhất / what was agreed' })
  @IsOptional()
  @Text(LONG)
  agreed?: string;
}
