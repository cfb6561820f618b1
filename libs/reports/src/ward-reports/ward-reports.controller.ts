import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { EXPORT_TYPES } from '../report-export/report-document';
import { ReportExportService } from '../report-export/report-export.service';
import { InputValidationException } from '@dh/errors';
import { Caller, CurrentCaller, Permission } from '@dh/identity';
import { WardReportsQueryDto, WardReviewQueryDto } from './dtos/ward-reports.dto';
import { WardReportStatusDto, WardReviewDto } from './dtos/ward-reports.response';
import { WardReportsService } from './ward-reports.service';

// Registered before the reports' own routes: `ward` is not a report's id.
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/ward')
export class WardReportsController {
  constructor(
    private readonly ward: WardReportsService,
    private readonly exports: ReportExportService,
  ) {}

  @Permission('report.review')
  @Get()
  @ApiOperation({
    summary:
      'Tình hình nộp báo cáo của các trường / each school of the ward with its report’s status and lateness, and the accepted reports summed (ward officer)',
  })
  @ApiOkResponse({ type: WardReportStatusDto })
  async status(@CurrentCaller() caller: Caller, @Query() q: WardReportsQueryDto): Promise<WardReportStatusDto> {
    const status = await this.ward.status(caller, q.schoolYear, q.kind);
    return { ...status, rollUp: { ...status.rollUp, tables: this.exports.tablesOf(status.rollUp.figures) } };
  }

  @Permission('report.review')
  @Get('export')
  @ApiProduces(EXPORT_TYPES.xlsx)
  @ApiOperation({
    summary:
      'Tải bảng tổng hợp (.xlsx) / the roll-up as a workbook: each school’s report, then the accepted reports summed, small counts "<5" (ward officer)',
  })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'the file, as an attachment' })
  exportRollUp(@CurrentCaller() caller: Caller, @Query() q: WardReportsQueryDto): Promise<StreamableFile> {
    return this.exports.exportWard(caller, q.schoolYear, q.kind);
  }

  @Permission('report.review')
  @Get('review')
  @ApiOperation({
    summary:
      'Số liệu sơ kết, tổng kết kế hoạch / the accepted school-year reports year by year, for the 2028 and 2030 reviews (ward officer)',
  })
  @ApiOkResponse({ type: WardReviewDto })
  review(@CurrentCaller() caller: Caller, @Query() q: WardReviewQueryDto) {
    if (q.to < q.from || q.to - q.from > 10)
      throw new InputValidationException([
        { field: 'to', problems: ['Từ năm đến năm, tối đa 10 năm / to must be from..from+10'] },
      ]);
    return this.ward.review(caller, q.from, q.to);
  }
}
