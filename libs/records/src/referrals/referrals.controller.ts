import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ListOf, UuidParamPipe } from '@dh/errors';
import { Caller, CurrentCaller, Permission } from '@dh/identity';
import { CaseException, CaseExceptionCode } from '@dh/cases';
import { ReferralViewDto } from './dtos/referral-view.response';
import { ReferralsService } from './referrals.service';

const { CASE_NOT_FOUND } = CaseExceptionCode;

// Referrals are written by the case's events (REFER, REFERRAL_ACCEPTED, REFERRAL_DECLINED, REFERRAL_COMPLETED);
// here they are only read.
@ApiTags('referrals')
@ApiBearerAuth()
@Controller('cases/:id/referrals')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Permission('referral.read', 'record')
  @Get()
  @ApiOperation({ summary: 'Các lần chuyển gửi của hồ sơ / the case’s referrals, oldest first, with their steps' })
  @ApiOkResponse({ type: ListOf(ReferralViewDto) })
  @ApiErrors(CaseException.statuses, CASE_NOT_FOUND)
  list(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return this.referrals.list(caller, id);
  }
}
