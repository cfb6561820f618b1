import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export class FormQueryDto {
  @ApiPropertyOptional({ description: 'Mẫu 03: phiếu của lần chuyển gửi này (mặc định: lần gần nhất) / the referral to print (default: the latest)' })
  @IsOptional() @IsUUID('all')
  referralId?: string;

  // DESIGN.md names ?format=pdf; only .docx is produced so far, and asking for PDF says so rather than answering a .docx.
  @ApiPropertyOptional({ enum: ['docx'] }) @IsOptional() @IsIn(['docx'])
  format?: 'docx';
}
