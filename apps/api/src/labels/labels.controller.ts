import { Controller, Get, Header } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Public } from '@dh/identity';
import { FIELD_LABELS, FieldLabel } from '@dh/labels';
import { FieldLabelDto } from './field-label.response';

@ApiTags('labels')
@Controller('labels')
export class LabelsController {
  // Public: the words of the API's fields, no one's data; the login page and the public report form need them
  // before anyone has signed in.
  @Public()
  @Get()
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({
    summary: 'Nhãn tiếng Việt và tiếng Anh của các trường dữ liệu / the Vietnamese and English label of each field',
  })
  @ApiExtraModels(FieldLabelDto)
  @ApiOkResponse({
    schema: { type: 'object', additionalProperties: { $ref: getSchemaPath(FieldLabelDto) } },
    description: 'by field path',
  })
  labels(): Readonly<Record<string, FieldLabel>> {
    return FIELD_LABELS;
  }
}
