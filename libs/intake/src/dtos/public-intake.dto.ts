import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class PublicIntakeDto {
  // Printed on the school's notice board with the form's address: it is public, not a secret.
  @ApiProperty({
    example: 'DD',
    description: 'Mã trường (trên bảng tin của trường) / the school’s code, as on its notice board',
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @Matches(/^[A-Z0-9]{2,10}$/, { message: 'schoolCode must be 2 to 10 letters or digits' })
  schoolCode!: string;

  @ApiProperty({ maxLength: 5000, description: 'Chuyện gì đang xảy ra / what is happening' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  whatIsHappening!: string;

  @ApiPropertyOptional({
    maxLength: 200,
    description: 'Cách liên hệ lại (số điện thoại, e-mail hoặc tên) / how to reach you, if you wish',
  })
  @Transform(trimmed)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  contact?: string;

  @ApiPropertyOptional({ description: 'Em đang gặp nguy hiểm / I am in danger now' })
  @IsOptional()
  @IsBoolean()
  urgent?: boolean;

  @ApiProperty({
    maxLength: 4000,
    description:
      'Lời giải bài toán chống tin rác của GET /api/public/intake/challenge (ALTCHA v2, base64 của JSON {challenge, solution}); mỗi lời giải dùng một lần / ' +
      'the solved proof of work from GET /api/public/intake/challenge (ALTCHA v2 payload: base64 of JSON {challenge, solution}); each is accepted once',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  altcha!: string;

  // The honeypot: hidden from people by the form, filled by bots that fill every field. Kept out of the docs.
  @ApiProperty({ required: false, description: 'Để trống / leave empty' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  website?: string;
}

export type PublicIntakeAnswer = { trackingCode: string; message: string; messageEn: string };
