import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  constructor(private readonly ward: WardReportsService) {}

  @Permission('report.review')
  @Get()
  @ApiOperation({
    summary:
      'Tình hình nộp báo cáo của các trường / each school of the ward with its report’s status and lateness, and the accepted reports summed (ward officer)',
  })
  @ApiOkResponse({ type: WardReportStatusDto })
  status(@CurrentCaller() caller: Caller, @Query() q: WardReportsQueryDto) {
    return this.ward.status(caller, q.schoolYear, q.kind);
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
