import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock } from '@dh/clock';
import { Caller, CurrentCaller, IdentityException, IdentityExceptionCode, Permission } from '@dh/identity';
import { ApiErrors } from '@dh/errors';
import { ReportSubmissionAnswerDto } from './dtos/report-submission.response';
import { ReportSubmissionDto } from './dtos/report-submission.dto';
import { ReportClockService } from './report-clock.service';

const { SCHOOL_NOT_FOUND } = IdentityExceptionCode;

// The report itself arrives with the reports work; its submission already stops the clock.
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/submissions')
export class ReportSubmissionsController {
  constructor(
    private readonly reportClock: ReportClockService,
    private readonly clock: Clock,
  ) {}

  @Permission('report.submit', 'record')
  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Ghi nhận nhà trường đã nộp báo cáo / record that the school submitted a report (principal)',
  })
  @ApiOkResponse({ type: ReportSubmissionAnswerDto })
  @ApiErrors(IdentityException.statuses, SCHOOL_NOT_FOUND)
  submit(@CurrentCaller() caller: Caller, @Body() dto: ReportSubmissionDto) {
    return this.reportClock.submit(caller, dto.schoolId, dto.kind, this.clock.now());
  }
}
