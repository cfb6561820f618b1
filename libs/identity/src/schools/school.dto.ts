import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Matches, MaxLength } from 'class-validator';

const CODE = /^[A-Z0-9]{2,10}$/;
const CODE_MESSAGE = 'code must be 2–10 capital letters or digits (it starts every case number)';

export class CreateWardDto {
  @ApiProperty({ example: 'DD' }) @IsString() @Matches(CODE, { message: CODE_MESSAGE }) code!: string;
  @ApiProperty({ example: 'Phường Đống Đa' })
  @IsString()
  @Matches(/\S/, { message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;
}

export class CreateSchoolDto extends CreateWardDto {
  @ApiProperty() @IsUUID('all') wardId!: string;
}

export class RenameDto {
  @ApiProperty({ example: 'Trường THCS Đống Đa' })
  @IsString()
  @Matches(/\S/, { message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;
}
