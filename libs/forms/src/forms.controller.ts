import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiErrors, UuidParamPipe } from '@dh/errors';
import { Caller, CurrentCaller, Permission } from '@dh/identity';
import { CaseException, CaseExceptionCode } from '@dh/cases';
import { FormQueryDto } from './dtos/form-query.dto';
import { FormsException, FormsExceptionCode } from './forms.exception';
import { CONTENT_TYPES } from './form-format';
import { FormNumberPipe } from './form-number.pipe';
import { FormNumber } from './form-template';
import { FormsService } from './forms.service';

const { CASE_NOT_FOUND } = CaseExceptionCode;
const { PDF_CONVERSION_FAILED, PDF_CONVERTER_MISSING, REFERRAL_NOT_FOUND } = FormsExceptionCode;

export const DOCX_TYPE = CONTENT_TYPES.docx;

@ApiTags('forms')
@ApiBearerAuth()
@Controller('cases/:id/forms')
export class FormsController {
  constructor(private readonly forms: FormsService) {}

  @Permission('case.forms', 'record')
  @Get(':n')
  @ApiProduces(DOCX_TYPE, CONTENT_TYPES.pdf)
  @ApiOperation({
    summary:
      'Biểu mẫu 01–04, kế hoạch hỗ trợ (ke-hoach), sổ liên hệ gia đình (lien-he-gia-dinh) của hồ sơ (.docx, hoặc PDF với ?format=pdf) / Form 01–04, the support plan or the family contacts log of the case as a Word document, or PDF with ?format=pdf (readers of its confidential content; audited)',
  })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'the document, as an attachment' })
  @ApiErrors(CaseException.statuses, CASE_NOT_FOUND)
  @ApiErrors(FormsException.statuses, REFERRAL_NOT_FOUND, PDF_CONVERTER_MISSING, PDF_CONVERSION_FAILED)
  async form(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) id: string,
    @Param('n', FormNumberPipe) n: FormNumber,
    @Query() query: FormQueryDto,
  ): Promise<StreamableFile> {
    const { file, fileName, format } = await this.forms.generate(caller, id, n, {
      referralId: query.referralId,
      format: query.format,
    });
    return new StreamableFile(file, {
      type: CONTENT_TYPES[format],
      disposition: `attachment; filename="${fileName}"`,
      length: file.length,
    });
  }
}
