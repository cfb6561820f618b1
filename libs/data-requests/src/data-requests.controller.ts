import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CaseException, CaseExceptionCode } from '@dh/cases';
import { ApiErrors, ListOf, UuidParamPipe } from '@dh/errors';
import { Caller, CurrentCaller, Permission } from '@dh/identity';
import { AccessExportService, LearnerExport } from './access-export.service';
import { DataRequestLetterService } from './data-request-letter.service';
import { DataRequestException, DataRequestExceptionCode } from './data-request.exception';
import { DataRequestsService } from './data-requests.service';
import { CreateDataRequestDto, DataRequestViewDto, LearnerExportDto, RectifyDto } from './dtos/data-request.dto';
import { DataRequestListQueryDto, ExportQueryDto } from './dtos/export-query.dto';
import { ErasureService } from './erasure.service';
import { RectificationService } from './rectification.service';

const { DATA_REQUEST_NOT_FOUND, WRONG_KIND, LEARNER_NOT_FOUND, CASE_NOT_OF_LEARNER } = DataRequestExceptionCode;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

@ApiTags('privacy')
@ApiBearerAuth()
@Controller('privacy/requests')
export class DataRequestsController {
  constructor(
    private readonly requests: DataRequestsService,
    private readonly exports: AccessExportService,
    private readonly rectification: RectificationService,
    private readonly erasure: ErasureService,
    private readonly letters: DataRequestLetterService,
  ) {}

  @Permission('privacy.request', 'record')
  @Post()
  @ApiOperation({
    summary:
      'Ghi nhận yêu cầu của học sinh hoặc cha mẹ về dữ liệu cá nhân / record a learner’s or guardian’s data request (Law 91/2025)',
  })
  @ApiCreatedResponse({ type: DataRequestViewDto })
  @ApiErrors(DataRequestException.statuses, LEARNER_NOT_FOUND)
  record(@CurrentCaller() caller: Caller, @Body() dto: CreateDataRequestDto) {
    return this.requests.record(caller, dto);
  }

  @Permission('privacy.request', 'record')
  @Get()
  @ApiOperation({ summary: 'Các yêu cầu về dữ liệu cá nhân / the data requests of the caller’s schools' })
  @ApiOkResponse({ type: ListOf(DataRequestViewDto) })
  list(@CurrentCaller() caller: Caller, @Query() q: DataRequestListQueryDto) {
    return this.requests.list(caller, q.schoolId);
  }

  @Permission('privacy.request', 'record')
  @Get(':id')
  @ApiOperation({ summary: 'Một yêu cầu về dữ liệu cá nhân / one data request' })
  @ApiOkResponse({ type: DataRequestViewDto })
  @ApiErrors(DataRequestException.statuses, DATA_REQUEST_NOT_FOUND)
  get(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return this.requests.get(caller, id);
  }

  @Permission('privacy.answer', 'record')
  @Post(':id/export')
  @HttpCode(200)
  @ApiProduces('application/json', DOCX)
  @ApiOperation({
    summary:
      'Trả lời yêu cầu truy cập: toàn bộ dữ liệu về học sinh (JSON hoặc .docx), mỗi hồ sơ ghi nhận một lần đọc / answer an access request: everything held about the learner, each case’s read recorded (supervisor)',
  })
  @ApiOkResponse({ type: LearnerExportDto, description: 'JSON, or with ?format=docx the .docx as an attachment' })
  @ApiErrors(DataRequestException.statuses, DATA_REQUEST_NOT_FOUND, WRONG_KIND)
  async export(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) id: string,
    @Query() q: ExportQueryDto,
  ): Promise<LearnerExport | StreamableFile> {
    const exported = await this.exports.export(caller, id);
    if (q.format !== 'docx') return exported;
    const file = await this.letters.exportDocx(exported);
    return new StreamableFile(file, { type: DOCX, disposition: `attachment; filename="du-lieu-hoc-sinh.docx"` });
  }

  @Permission('privacy.answer', 'record')
  @Post(':id/rectify')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Chỉnh sửa theo yêu cầu: giá trị mới được in trên biểu mẫu, giá trị cũ còn trong nhật ký / rectify: the forms print the new value, the trail keeps the old (supervisor)',
  })
  @ApiOkResponse({ type: DataRequestViewDto })
  @ApiErrors(DataRequestException.statuses, DATA_REQUEST_NOT_FOUND, WRONG_KIND, CASE_NOT_OF_LEARNER)
  @ApiErrors(CaseException.statuses, CaseExceptionCode.CASE_NOT_FOUND)
  rectify(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: RectifyDto) {
    return this.rectification.rectify(caller, id, dto);
  }

  @Permission('privacy.answer', 'record')
  @Post(':id/carry-out')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Xóa hoặc hạn chế: từ chối kèm lý do pháp lý, hoặc hủy khóa mã hóa của các hồ sơ / erase or restrict: refused with the legal reason, or the cases’ keys destroyed (supervisor)',
  })
  @ApiOkResponse({ type: DataRequestViewDto })
  @ApiErrors(DataRequestException.statuses, DATA_REQUEST_NOT_FOUND, WRONG_KIND)
  carryOut(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return this.erasure.carryOut(caller, id);
  }

  @Permission('privacy.request', 'record')
  @Get(':id/letter')
  @ApiProduces(DOCX)
  @ApiOperation({ summary: 'Thư trả lời người yêu cầu (.docx) / the answer letter to the requester' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'the letter, as an attachment' })
  @ApiErrors(DataRequestException.statuses, DATA_REQUEST_NOT_FOUND)
  async letter(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string): Promise<StreamableFile> {
    const file = await this.letters.answerLetter(caller, id);
    return new StreamableFile(file, { type: DOCX, disposition: `attachment; filename="thu-tra-loi-yeu-cau.docx"` });
  }
}
