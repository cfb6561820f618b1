import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, PageOf, UuidParamPipe } from '@dh/errors';
import { Caller, CurrentCaller, Permission } from '@dh/identity';
import { DeliveryException, DeliveryExceptionCode } from '../delivery.exception';
import { OutboxQueryDto, RetryAllDto } from './dtos/outbox-query.dto';
import { DeliveryViewDto, RetryAnswerDto } from './dtos/outbox-view.response';
import { OutboxService } from './outbox.service';

const { DELIVERY_NOT_FOUND, DELIVERY_NOT_FAILED } = DeliveryExceptionCode;

// Part of account administration: a person who did not get their messages is an account's problem to fix.
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Permission('admin.users')
  @Get()
  @ApiOperation({ summary: 'Thông báo gửi đi / messages sent, waiting and failed, newest first (admin)' })
  @ApiOkResponse({ type: PageOf(DeliveryViewDto) })
  list(@Query() q: OutboxQueryDto) {
    return this.outbox.list(q);
  }

  @Permission('admin.users')
  @Post('retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Gửi lại mọi thông báo thất bại / retry every failed message, or one person’s (admin)' })
  @ApiOkResponse({ type: RetryAnswerDto })
  retryAll(@CurrentCaller() caller: Caller, @Body() dto: RetryAllDto) {
    return this.outbox.retryAll(caller, dto.userId);
  }

  @Permission('admin.users')
  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Gửi lại một thông báo thất bại / retry one failed message (admin)' })
  @ApiOkResponse({ type: RetryAnswerDto })
  @ApiErrors(DeliveryException.statuses, DELIVERY_NOT_FOUND, DELIVERY_NOT_FAILED)
  retryOne(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return this.outbox.retryOne(caller, id);
  }
}
