import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Clock } from '@dh/clock';
import { inTransaction } from '@dh/database';
import { ApiErrors } from '@dh/errors';
import {
  assertAllowed,
  Caller,
  CurrentCaller,
  IDENTITY_EXCEPTION_STATUS,
  IdentityException,
  IdentityExceptionCode,
} from '@dh/identity';
import { ReportSubmissionAnswerDto } from './dtos/escalation-views.dto';
import { ReportSubmissionDto } from './dtos/report-submission.dto';
import { ReportClockService } from './report-clock.service';

const { SCHOOL_NOT_FOUND } = IdentityExceptionCode;

// The report itself arrives with the reports work; its submission already stops the clock.
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/submissions')
export class ReportSubmissionsController {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly reportClock: ReportClockService,
    private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Ghi nhận nhà trường đã nộp báo cáo / record that the school submitted a report (principal)' })
  @ApiOkResponse({ type: ReportSubmissionAnswerDto })
  @ApiErrors(IDENTITY_EXCEPTION_STATUS, SCHOOL_NOT_FOUND)
  submit(@CurrentCaller() caller: Caller, @Body() dto: ReportSubmissionDto) {
    assertAllowed(caller, 'report.submit', dto.schoolId, () => new IdentityException(IdentityExceptionCode.SCHOOL_NOT_FOUND));
    return inTransaction(this.source, async (tx) => ({
      schoolId: dto.schoolId,
      kind: dto.kind,
      closedDeadlines: await this.reportClock.markSubmitted(tx, dto.schoolId, dto.kind, this.clock.now()),
    }));
  }
}
