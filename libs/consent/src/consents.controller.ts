import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ListOf, UuidParamPipe } from '@dh/errors';
import { Caller, CurrentCaller, Permission } from '@dh/identity';
import { CaseException, CaseExceptionCode } from '@dh/cases';
import { ConsentException, ConsentExceptionCode } from './consent.exception';
import { ConsentService } from './consent.service';
import { ConsentViewDto } from './dtos/consent-view.response';
import { RecordConsentDto } from './dtos/record-consent.dto';
import { WithdrawConsentDto } from './dtos/withdraw-consent.dto';

const { CASE_NOT_FOUND } = CaseExceptionCode;
const { CONSENT_ALREADY_WITHDRAWN, CONSENT_NOT_FOUND, LEARNER_TOO_YOUNG, LEARNER_UNKNOWN, NOT_CASE_TEAM } =
  ConsentExceptionCode;

@ApiTags('consents')
@ApiBearerAuth()
@Controller('cases/:id/consents')
export class ConsentsController {
  constructor(private readonly consents: ConsentService) {}

  @Permission('consent.record', 'record')
  @Post()
  @ApiOperation({ summary: 'Ghi nhận sự đồng ý chia sẻ thông tin / record a consent (the case team)' })
  @ApiCreatedResponse({ type: ConsentViewDto })
  @ApiErrors(CaseException.statuses, CASE_NOT_FOUND)
  @ApiErrors(ConsentException.statuses, NOT_CASE_TEAM, LEARNER_TOO_YOUNG, LEARNER_UNKNOWN)
  record(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: RecordConsentDto) {
    return this.consents.record(caller, id, dto);
  }

  @Permission('consent.read', 'record')
  @Get()
  @ApiOperation({ summary: 'Sổ theo dõi sự đồng ý của hồ sơ / the case’s consents, oldest first' })
  @ApiOkResponse({ type: ListOf(ConsentViewDto) })
  @ApiErrors(CaseException.statuses, CASE_NOT_FOUND)
  list(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return this.consents.list(caller, id);
  }

  @Permission('consent.withdraw', 'record')
  @Post(':consentId/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rút lại sự đồng ý / withdraw a consent (the case team)' })
  @ApiOkResponse({ type: ConsentViewDto })
  @ApiErrors(CaseException.statuses, CASE_NOT_FOUND)
  @ApiErrors(ConsentException.statuses, NOT_CASE_TEAM, CONSENT_NOT_FOUND, CONSENT_ALREADY_WITHDRAWN)
  withdraw(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) id: string,
    @Param('consentId', UuidParamPipe) consentId: string,
    @Body() dto: WithdrawConsentDto,
  ) {
    return this.consents.withdraw(caller, id, consentId, dto.reason);
  }
}
