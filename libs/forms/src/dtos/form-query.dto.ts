import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { FORM_FORMATS, FormFormat } from '../form-format';

export class FormQueryDto {
  @ApiPropertyOptional({
    description:
      'Mẫu 03: phiếu của lần chuyển gửi này (mặc định: lần gần nhất) / the referral to print (default: the latest)',
  })
  @IsOptional()
  @IsUUID('all')
  referralId?: string;

  @ApiPropertyOptional({
    enum: FORM_FORMATS,
    default: 'docx',
    description:
      'docx (mặc định) hoặc pdf, chuyển bằng LibreOffice trên máy chủ (501 nếu chưa cài) / docx (default) or pdf, converted by LibreOffice on the server (501 when it is not installed)',
  })
  @IsOptional()
  @IsIn(FORM_FORMATS)
  format?: FormFormat;
}
