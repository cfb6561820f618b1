import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiErrors, PageOf, UuidParamPipe } from '@dh/errors';
import { Caller, CurrentCaller, IdentityException, IdentityExceptionCode, Permission } from '@dh/identity';
import { ReportsException, ReportsExceptionCode } from '../reports.exception';
import {
  CreateReportDto,
  ExportQueryDto,
  ListReportsDto,
  ReportVersionDto,
  ReturnReportDto,
  UpdateReportDto,
} from './dtos/report.dto';
import { AnchorVerdictDto, ReportTableDto, ReportViewDto } from './dtos/report-view.response';
import { EXPORT_TYPES } from '../report-export/report-document';
import { ReportExportService } from '../report-export/report-export.service';
import { ReportAnchorService } from './report-anchor.service';
import { ReportService } from './report.service';

const { REPORT_NOT_FOUND, REPORT_EXISTS, REPORT_NOT_DRAFT, REPORT_NOT_SUBMITTED, STALE_REPORT, ANCHOR_NOT_FOUND } =
  ReportsExceptionCode;
const { SCHOOL_NOT_FOUND } = IdentityExceptionCode;

// A school's report to the ward: drafted by its leaders, submitted by its principal, accepted or returned by the
// ward officer. Who may take which step is decided per report (ReportService), so each route asks only for a role
// that takes part in reports at all.
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsWorkflowController {
  constructor(
    private readonly reports: ReportService,
    private readonly anchors: ReportAnchorService,
    private readonly exports: ReportExportService,
  ) {}

  @Permission('report.read')
  @Get(':id/export')
  @ApiProduces(EXPORT_TYPES.docx, EXPORT_TYPES.xlsx)
  @ApiOperation({
    summary:
      'Tải báo cáo (.docx hoặc .xlsx) / the report as a Word document or a workbook, counts of 1–4 learners shown as "<5" whoever downloads it',
  })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'the file, as an attachment' })
  @ApiErrors(ReportsException.statuses, REPORT_NOT_FOUND)
  export(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) id: string,
    @Query() q: ExportQueryDto,
  ): Promise<StreamableFile> {
    return this.exports.export(caller, id, q.format);
  }

  @Permission('report.read')
  @Get(':id/tables')
  @ApiOperation({
    summary: 'Số liệu của báo cáo như khi gửi đi / the report’s figures as its exports print them, small counts "<5"',
  })
  @ApiOkResponse({ type: [ReportTableDto] })
  @ApiErrors(ReportsException.statuses, REPORT_NOT_FOUND)
  tables(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return this.exports.tables(caller, id);
  }

  @Permission('report.draft')
  @Post()
  @ApiOperation({ summary: 'Tạo báo cáo nháp / draft a report, its figures counted now (principal, supervisor)' })
  @ApiCreatedResponse({ type: ReportViewDto })
  @ApiErrors(ReportsException.statuses, REPORT_EXISTS)
  @ApiErrors(IdentityException.statuses, SCHOOL_NOT_FOUND)
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateReportDto) {
    return this.reports.create(caller, dto);
  }

  @Permission('report.read')
  @Get()
  @ApiOperation({ summary: 'Các báo cáo / reports the caller may read, newest school year first' })
  @ApiOkResponse({ type: PageOf(ReportViewDto) })
  list(@CurrentCaller() caller: Caller, @Query() q: ListReportsDto) {
    return this.reports.list(caller, q);
  }

  @Permission('report.read')
  @Get(':id')
  @ApiOperation({ summary: 'Một báo cáo với lịch sử / one report with its history' })
  @ApiOkResponse({ type: ReportViewDto })
  @ApiErrors(ReportsException.statuses, REPORT_NOT_FOUND)
  get(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return this.reports.get(caller, id);
  }

  @Permission('report.draft')
  @Patch(':id')
  @ApiOperation({ summary: 'Sửa phần viết của báo cáo nháp / edit a draft’s texts (principal, supervisor)' })
  @ApiOkResponse({ type: ReportViewDto })
  @ApiErrors(ReportsException.statuses, REPORT_NOT_FOUND, REPORT_NOT_DRAFT, STALE_REPORT)
  update(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: UpdateReportDto) {
    return this.reports.updateTexts(caller, id, dto.version, dto.texts);
  }

  @Permission('report.draft')
  @Post(':id/refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Tính lại số liệu của báo cáo nháp / count a draft’s figures again (principal, supervisor)',
  })
  @ApiOkResponse({ type: ReportViewDto })
  @ApiErrors(ReportsException.statuses, REPORT_NOT_FOUND, REPORT_NOT_DRAFT, STALE_REPORT)
  refresh(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: ReportVersionDto) {
    return this.reports.refresh(caller, id, dto.version);
  }

  @Permission('report.submit')
  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Nộp báo cáo cho phường / submit to the ward: frozen, anchored, its clock stopped (principal)',
  })
  @ApiOkResponse({ type: ReportViewDto })
  @ApiErrors(ReportsException.statuses, REPORT_NOT_FOUND, REPORT_NOT_DRAFT, STALE_REPORT)
  submit(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: ReportVersionDto) {
    return this.reports.submit(caller, id, dto.version);
  }

  @Permission('report.review')
  @Post(':id/return')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trả lại báo cáo cho trường / return a submitted report with a reason (ward officer)' })
  @ApiOkResponse({ type: ReportViewDto })
  @ApiErrors(ReportsException.statuses, REPORT_NOT_FOUND, REPORT_NOT_SUBMITTED, STALE_REPORT)
  returnToSchool(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: ReturnReportDto,
  ) {
    return this.reports.returnToSchool(caller, id, dto.version, dto.reason);
  }

  @Permission('report.review')
  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Tiếp nhận báo cáo / accept a submitted report, locking it (ward officer)' })
  @ApiOkResponse({ type: ReportViewDto })
  @ApiErrors(ReportsException.statuses, REPORT_NOT_FOUND, REPORT_NOT_SUBMITTED, STALE_REPORT)
  accept(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: ReportVersionDto) {
    return this.reports.accept(caller, id, dto.version);
  }

  @Permission('report.read')
  @Get(':id/anchor/verify')
  @ApiOperation({
    summary: 'Kiểm tra mã neo / hold the report’s anchor against the case chains as they are now',
  })
  @ApiOkResponse({ type: AnchorVerdictDto })
  @ApiErrors(ReportsException.statuses, REPORT_NOT_FOUND, ANCHOR_NOT_FOUND)
  async verifyAnchor(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    await this.reports.get(caller, id);
    const verdict = await this.anchors.verifyAgainst(id);
    if (!verdict) throw new ReportsException(ANCHOR_NOT_FOUND);
    return verdict;
  }
}
