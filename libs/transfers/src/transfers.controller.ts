import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseException, CaseExceptionCode, HistoryItemDto } from '@dh/cases';
import { ApiErrors, ListOf, UuidParamPipe } from '@dh/errors';
import { Caller, CurrentCaller, Permission } from '@dh/identity';
import { AcceptTransferDto, DeclineTransferDto, ListTransfersDto, RequestTransferDto } from './dtos/transfer.dto';
import { TransferPackageDto, TransferSchoolDto, TransferViewDto } from './dtos/transfer-view.response';
import { TransfersException, TransfersExceptionCode } from './transfers.exception';
import { TransfersService } from './transfers.service';

const {
  TRANSFER_NOT_FOUND,
  SCHOOL_NOT_FOUND,
  SAME_SCHOOL,
  CASE_CLOSED,
  TRANSFER_PENDING,
  TRANSFER_ANSWERED,
  TRANSFER_STALE,
  CONSENT_MISSING,
  LEARNER_NOT_MOVED,
  LEARNER_UNKNOWN,
  ASSIGNEE_NOT_ELIGIBLE,
} = TransfersExceptionCode;

// Moving a learner and their open cases to another school: within the installation by request and answer, to a
// school outside it by a signed package.
@ApiTags('transfers')
@ApiBearerAuth()
@Controller()
export class TransfersController {
  constructor(private readonly transfers: TransfersService) {}

  @Permission('case.transfer', 'record')
  @Post('learners/:id/transfers')
  @ApiOperation({ summary: 'Đề nghị chuyển học sinh sang trường khác / ask to move a learner to another school' })
  @ApiCreatedResponse({ type: TransferViewDto })
  @ApiErrors(TransfersException.statuses, TRANSFER_NOT_FOUND, SCHOOL_NOT_FOUND, SAME_SCHOOL, TRANSFER_PENDING)
  requestLearner(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: RequestTransferDto,
  ) {
    return this.transfers.requestLearner(caller, id, dto.toSchoolId.toLowerCase());
  }

  @Permission('case.transfer', 'record')
  @Post('cases/:id/transfers')
  @ApiOperation({
    summary:
      'Đề nghị chuyển hồ sơ sang trường khác (cần sự đồng ý, trừ tin bảo vệ trẻ em) / ask to move a case to another school (consent, or a protection concern)',
  })
  @ApiCreatedResponse({ type: TransferViewDto })
  @ApiErrors(CaseException.statuses, CaseExceptionCode.CASE_NOT_FOUND)
  @ApiErrors(
    TransfersException.statuses,
    SCHOOL_NOT_FOUND,
    SAME_SCHOOL,
    CASE_CLOSED,
    TRANSFER_PENDING,
    CONSENT_MISSING,
    LEARNER_UNKNOWN,
  )
  requestCase(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: RequestTransferDto,
  ) {
    return this.transfers.requestCase(caller, id, dto.toSchoolId.toLowerCase());
  }

  @Permission('case.transfer', 'record')
  @Post('cases/:id/transfer-package')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Gói chuyển hồ sơ sang trường ngoài hệ thống: phiếu .docx và tệp JSON có chữ ký / a transfer package for a school outside the installation',
  })
  @ApiOkResponse({ type: TransferPackageDto })
  @ApiErrors(CaseException.statuses, CaseExceptionCode.CASE_NOT_FOUND)
  @ApiErrors(TransfersException.statuses, CONSENT_MISSING, LEARNER_UNKNOWN)
  exportPackage(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return this.transfers.exportPackage(caller, id);
  }

  @Permission('case.transfer')
  @Get('transfers')
  @ApiOperation({ summary: 'Yêu cầu chuyển trường / transfer requests, newest first' })
  @ApiOkResponse({ type: ListOf(TransferViewDto) })
  list(@CurrentCaller() caller: Caller, @Query() query: ListTransfersDto) {
    return this.transfers.list(caller, query.incoming === true);
  }

  // Before transfers/:id, which would take "schools" for an id.
  @Permission('case.transfer')
  @Get('transfers/schools')
  @ApiOperation({ summary: 'Các trường có thể nhận / the schools a case may move to (every other school)' })
  @ApiOkResponse({ type: ListOf(TransferSchoolDto) })
  schools(@CurrentCaller() caller: Caller) {
    return this.transfers.receivingSchools(caller);
  }

  @Permission('case.transfer', 'record')
  @Get('transfers/:id')
  @ApiOperation({ summary: 'Một yêu cầu chuyển trường / one transfer request' })
  @ApiOkResponse({ type: TransferViewDto })
  @ApiErrors(TransfersException.statuses, TRANSFER_NOT_FOUND)
  get(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return this.transfers.get(caller, id);
  }

  @Permission('case.transfer', 'record')
  @Post('transfers/:id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trường nhận chấp nhận / the receiving school accepts' })
  @ApiOkResponse({ type: TransferViewDto })
  @ApiErrors(CaseException.statuses, CaseExceptionCode.EVENT_NOT_ALLOWED)
  @ApiErrors(
    TransfersException.statuses,
    TRANSFER_NOT_FOUND,
    TRANSFER_ANSWERED,
    TRANSFER_STALE,
    CASE_CLOSED,
    CONSENT_MISSING,
    LEARNER_NOT_MOVED,
    ASSIGNEE_NOT_ELIGIBLE,
  )
  accept(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: AcceptTransferDto) {
    return this.transfers.accept(caller, id, dto.assigneeId?.toLowerCase());
  }

  @Permission('case.transfer', 'record')
  @Post('transfers/:id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trường nhận từ chối / the receiving school declines' })
  @ApiOkResponse({ type: TransferViewDto })
  @ApiErrors(TransfersException.statuses, TRANSFER_NOT_FOUND, TRANSFER_ANSWERED)
  decline(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: DeclineTransferDto) {
    return this.transfers.decline(caller, id, dto.reason.trim());
  }

  @Permission('case.history', 'record')
  @Get('transfers/:id/history')
  @ApiOperation({
    summary:
      'Nhật ký hồ sơ đến lúc chuyển đi, cho trường gửi (chỉ đọc) / the trail up to the transfer, for the sending school (read-only)',
  })
  @ApiOkResponse({ type: ListOf(HistoryItemDto) })
  @ApiErrors(TransfersException.statuses, TRANSFER_NOT_FOUND)
  history(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return this.transfers.history(caller, id);
  }
}
