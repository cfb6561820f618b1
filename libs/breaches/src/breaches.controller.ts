import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiErrors, PageOf, UuidParamPipe } from '@dh/errors';
import { Caller, CurrentCaller, Permission } from '@dh/identity';
import { BreachesException, BreachesExceptionCode } from './breaches.exception';
import { BreachesService } from './breaches.service';
import {
  AuthorityNotificationDto,
  CloseBreachDto,
  GuardianNotificationDto,
  ListBreachesDto,
  RecordBreachDto,
} from './dtos/breach.dto';
import { BreachViewDto } from './dtos/breach-view.response';

const {
  BREACH_NOT_FOUND,
  BREACH_CLOSED,
  AUTHORITY_ALREADY_NOTIFIED,
  GUARDIANS_ALREADY_NOTIFIED,
  AUTHORITY_NOT_NOTIFIED,
} = BreachesExceptionCode;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// Personal-data breaches (Law 91/2025/QH15, Decree 356/2025/NĐ-CP): the admin records each and its steps; the
// principals and ward officers it concerns read it and its documents.
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/privacy/breaches')
export class BreachesController {
  constructor(private readonly breaches: BreachesService) {}

  @Permission('breach.record')
  @Post()
  @ApiOperation({
    summary:
      'Ghi nhận sự cố dữ liệu cá nhân; bắt đầu thời hạn 72 giờ thông báo cho Cục A05 / record a personal-data breach; starts the 72-hour clock (admin)',
  })
  @ApiCreatedResponse({ type: BreachViewDto })
  record(@CurrentCaller() caller: Caller, @Body() dto: RecordBreachDto) {
    return this.breaches.record(caller, dto);
  }

  @Permission('breach.read')
  @Get()
  @ApiOperation({ summary: 'Các sự cố dữ liệu cá nhân / personal-data breaches the caller may read, newest first' })
  @ApiOkResponse({ type: PageOf(BreachViewDto) })
  list(@CurrentCaller() caller: Caller, @Query() q: ListBreachesDto) {
    return this.breaches.list(caller, q);
  }

  @Permission('breach.read', 'record')
  @Get(':id')
  @ApiOperation({ summary: 'Một sự cố dữ liệu cá nhân / one personal-data breach' })
  @ApiOkResponse({ type: BreachViewDto })
  @ApiErrors(BreachesException.statuses, BREACH_NOT_FOUND)
  get(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return this.breaches.get(caller, id);
  }

  @Permission('breach.record')
  @Post(':id/authority-notification')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Ghi nhận đã thông báo cho Cục A05, Bộ Công an; dừng thời hạn 72 giờ / the authority was notified; stops the clock (admin)',
  })
  @ApiOkResponse({ type: BreachViewDto })
  @ApiErrors(BreachesException.statuses, BREACH_NOT_FOUND, BREACH_CLOSED, AUTHORITY_ALREADY_NOTIFIED)
  notifyAuthority(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: AuthorityNotificationDto,
  ) {
    return this.breaches.notifyAuthority(caller, id, dto);
  }

  @Permission('breach.record')
  @Post(':id/guardian-notification')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Ghi nhận đã thông báo cho cha mẹ, người giám hộ / the guardians were notified (admin)',
  })
  @ApiOkResponse({ type: BreachViewDto })
  @ApiErrors(BreachesException.statuses, BREACH_NOT_FOUND, BREACH_CLOSED, GUARDIANS_ALREADY_NOTIFIED)
  notifyGuardians(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: GuardianNotificationDto,
  ) {
    return this.breaches.notifyGuardians(caller, id, dto);
  }

  @Permission('breach.record')
  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Kết thúc sự cố với kết quả xử lý / close the breach with its outcome (admin)' })
  @ApiOkResponse({ type: BreachViewDto })
  @ApiErrors(BreachesException.statuses, BREACH_NOT_FOUND, BREACH_CLOSED, AUTHORITY_NOT_NOTIFIED)
  close(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: CloseBreachDto) {
    return this.breaches.close(caller, id, dto);
  }

  @Permission('breach.read', 'record')
  @Get(':id/authority-letter')
  @ApiProduces(DOCX)
  @ApiOperation({
    summary:
      'Văn bản thông báo gửi Cục A05, Bộ Công an (.docx) / the notification letter to the authority as a Word document',
  })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'the file, as an attachment' })
  @ApiErrors(BreachesException.statuses, BREACH_NOT_FOUND)
  letter(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string): Promise<StreamableFile> {
    return this.breaches.letter(caller, id);
  }

  @Permission('breach.read', 'record')
  @Get(':id/guardian-notice')
  @ApiProduces(DOCX)
  @ApiOperation({
    summary: 'Thông báo gửi cha mẹ, người giám hộ (.docx) / the notice to affected guardians as a Word document',
  })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'the file, as an attachment' })
  @ApiErrors(BreachesException.statuses, BREACH_NOT_FOUND)
  guardianNotice(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string): Promise<StreamableFile> {
    return this.breaches.guardianNotice(caller, id);
  }
}
