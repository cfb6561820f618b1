import { ApiProperty } from '@nestjs/swagger';
import type { FieldLabel } from '@dh/labels';

export class FieldLabelDto implements FieldLabel {
  @ApiProperty({ example: 'Mức độ nguy cơ' }) vi!: string;
  @ApiProperty({ example: 'Risk level' }) en!: string;
}
