import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, PageOf, UuidParamPipe } from '@dh/errors';
import { Caller, CurrentCaller, SignedIn } from '@dh/identity';
import { AlertService } from './alert.service';
import { AckAlertDto, ListAlertsDto } from './dtos/alerts.dto';
import { AlertViewDto } from './dtos/escalation-views.dto';
import { EscalationException, EscalationExceptionCode } from './escalation.exception';

const { ALERT_ALREADY_ACKNOWLEDGED, ALERT_NOT_FOUND } = EscalationExceptionCode;

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertService) {}

  @SignedIn()
  @Get()
  @ApiOperation({ summary: 'Cảnh báo của tôi / my alerts, unacknowledged first' })
  @ApiOkResponse({ type: PageOf(AlertViewDto) })
  list(@CurrentCaller() caller: Caller, @Query() q: ListAlertsDto) {
    return this.alerts.list(caller, q);
  }

  @SignedIn()
  @Post(':id/ack')
  @HttpCode(200)
  @ApiOperation({ summary: 'Xác nhận cảnh báo và cam kết việc tiếp theo / acknowledge with the next action' })
  @ApiOkResponse({ type: AlertViewDto })
  @ApiErrors(EscalationException.statuses, ALERT_NOT_FOUND, ALERT_ALREADY_ACKNOWLEDGED)
  ack(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: AckAlertDto) {
    return this.alerts.acknowledge(caller, id, dto);
  }
}
