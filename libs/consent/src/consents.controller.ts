import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParamPipe } from '@dh/errors';
import { Caller, CurrentCaller, Permission } from '@dh/identity';
import { ConsentService } from './consent.service';
import { RecordConsentDto } from './dtos/record-consent.dto';
import { WithdrawConsentDto } from './dtos/withdraw-consent.dto';

@ApiTags('consents')
@ApiBearerAuth()
@Controller('cases/:id/consents')
export class ConsentsController {
  constructor(private readonly consents: ConsentService) {}

  @Permission('consent.record', 'record')
  @Post()
  @ApiOperation({ summary: 'Ghi nhận sự đồng ý chia sẻ thông tin / record a consent (the case team)' })
  record(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: RecordConsentDto) {
    return this.consents.record(caller, id, dto);
  }

  @Permission('consent.read', 'record')
  @Get()
  @ApiOperation({ summary: 'Sổ theo dõi sự đồng ý của hồ sơ / the case’s consents, oldest first' })
  list(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return this.consents.list(caller, id);
  }

  @Permission('consent.withdraw', 'record')
  @Post(':consentId/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rút lại sự đồng ý / withdraw a consent (the case team)' })
  withdraw(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) id: string,
    @Param('consentId', UuidParamPipe) consentId: string,
    @Body() dto: WithdrawConsentDto,
  ) {
    return this.consents.withdraw(caller, id, consentId, dto.reason);
  }
}
