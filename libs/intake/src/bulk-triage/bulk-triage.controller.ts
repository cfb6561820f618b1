import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, IdentityException, IdentityExceptionCode, Permission } from '@dh/identity';
import { ApiErrors } from '@dh/errors';
import { BulkCloseAnswerDto } from '../dtos/intake-views.response';
import { BulkCloseAnswer, BulkCloseDto } from './bulk-close.dto';
import { BulkTriageService } from './bulk-triage.service';

const { SCHOOL_NOT_FOUND } = IdentityExceptionCode;

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class BulkTriageController {
  constructor(private readonly triage: BulkTriageService) {}

  @Permission('case.bulk_close', 'record')
  @Post('bulk-close')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Kết thúc cùng lúc các tin báo chờ phân loại hàng loạt / close the reports a flood marked, with one reason (supervisor)',
    description:
      'Each marked case still at intake is closed with CLOSE_AT_INTAKE and the reason, one event in each case’s history; every other case named is listed in `skipped` with why, untouched.',
  })
  @ApiOkResponse({ type: BulkCloseAnswerDto })
  @ApiErrors(IdentityException.statuses, SCHOOL_NOT_FOUND)
  close(@CurrentCaller() caller: Caller, @Body() dto: BulkCloseDto): Promise<BulkCloseAnswer> {
    return this.triage.close(caller, dto);
  }
}
