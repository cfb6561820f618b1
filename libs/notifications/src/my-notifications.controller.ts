import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, SignedIn } from '@dh/identity';
import { UpdateMyNotificationsDto } from './dtos/my-notifications.dto';
import { MyNotificationsDto } from './dtos/my-notifications.response';
import { MyNotificationsService } from './my-notifications.service';

// Every role: what each person reads and changes here is their own.
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notifications')
export class MyNotificationsController {
  constructor(private readonly service: MyNotificationsService) {}

  @SignedIn()
  @Get()
  @ApiOperation({ summary: 'Cách nhận cảnh báo của tôi / my e-mail, phone and how each kind of alert reaches me' })
  @ApiOkResponse({ type: MyNotificationsDto })
  read(@CurrentCaller() caller: Caller) {
    return this.service.read(caller.id);
  }

  @SignedIn()
  @Put()
  @ApiOperation({
    summary:
      'Đặt cách nhận cảnh báo / set my e-mail, phone and choices (absent fields and unlisted choices stay; ' +
      'critical risk and protection are always immediate)',
  })
  @ApiOkResponse({ type: MyNotificationsDto })
  update(@CurrentCaller() caller: Caller, @Body() dto: UpdateMyNotificationsDto) {
    return this.service.update(caller.id, dto);
  }
}
