import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParamPipe } from '@dh/errors';
import { Caller, CurrentCaller, SignedIn } from '@dh/identity';
import { AlertService } from './alert.service';
import { AckAlertDto, ListAlertsDto } from './dtos/alerts.dto';

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertService) {}

  @SignedIn()
  @Get()
  @ApiOperation({ summary: 'Cảnh báo của tôi / my alerts, unacknowledged first' })
  list(@CurrentCaller() caller: Caller, @Query() q: ListAlertsDto) {
    return this.alerts.list(caller, q);
  }

  @SignedIn()
  @Post(':id/ack')
  @HttpCode(200)
  @ApiOperation({ summary: 'Xác nhận cảnh báo và cam kết việc tiếp theo / acknowledge with the next action' })
  ack(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: AckAlertDto) {
    return this.alerts.acknowledge(caller, id, dto);
  }
}
