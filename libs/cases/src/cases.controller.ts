import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';

import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiErrors, CursorPageOf, InputValidationException, ListOf, UuidParamPipe } from '@dh/errors';

import { Caller, CurrentCaller, Permission } from '@dh/identity';
import { LearnerException, LearnerExceptionCode } from '@dh/learners';
import { CaseClockService } from './case-clock.service';

import { CaseHistoryService } from './case-history.service';

import { CaseChronologyService } from './chronology/case-chronology.service';

import { ReporterService } from './confidential/reporter.service';

import { CaseTransitionService } from './case-transition.service';

import { CaseException, CaseExceptionCode } from './case.exception';

import { CaseService } from './case.service';

import { CaseEventDto } from './dtos/case-event.dto';

import { ChainVerdictDto, ChronologyEntryDto, HistoryItemDto, ReporterAnswerDto } from './dtos/case-trail.response';

import { CaseViewDto } from './dtos/case-view.response';

import { PauseClocksDto, ResumeClocksDto } from './dtos/clock-pause.dto';

import { CreateCaseDto } from './dtos/create-case.dto';

import { ListCasesDto } from './dtos/list-cases.dto';

const {
  ASSIGNEE_NOT_ELIGIBLE,
  CASE_NOT_FOUND,
  CLOCKS_ALREADY_PAUSED,
  CLOCKS_NOT_PAUSED,
  EVENT_NOT_ALLOWED,
  GUARD_REFUSED,
  IDEMPOTENCY_KEY_REUSED,
  SCHOOL_NOT_FOUND,
  STALE_VERSION,
} = CaseExceptionCode;

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CaseService,
    private readonly transitions: CaseTransitionService,
    private readonly histories: CaseHistoryService,
    private readonly reporters: ReporterService,
    private readonly clocks: CaseClockService,
    private readonly chronologies: CaseChronologyService,
  ) {}

  @Permission('case.clocks', 'record')
  @Post(':id/clocks/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Tạm dừng thời hạn của hồ sơ / pause the case’s clocks (supervisor)' })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiErrors(CaseException.statuses, CASE_NOT_FOUND, CLOCKS_ALREADY_PAUSED)
  pause(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: PauseClocksDto) {
    return this.clocks.pause(caller, id, dto.reason);
  }

  @Permission('case.clocks', 'record')
  @Post(':id/clocks/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Tiếp tục tính thời hạn / resume the case’s clocks (supervisor)' })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiErrors(CaseException.statuses, CASE_NOT_FOUND, CLOCKS_NOT_PAUSED)
  resume(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: ResumeClocksDto) {
    return this.clocks.resume(caller, id, dto.note);
  }

  @Permission('case.open', 'record')
  @Post()
  @ApiOperation({ summary: 'Tiếp nhận hồ sơ mới / open a case' })
  @ApiCreatedResponse({ type: CaseViewDto })
  @ApiErrors(CaseException.statuses, SCHOOL_NOT_FOUND, ASSIGNEE_NOT_ELIGIBLE)
  @ApiErrors(LearnerException.statuses, LearnerExceptionCode.LEARNER_NOT_FOUND)
  open(@CurrentCaller() caller: Caller, @Body() dto: CreateCaseDto) {
    return this.cases.open(caller, dto);
  }

  @Permission('case.read', 'record')
  @Get()
  @ApiOperation({ summary: 'Danh sách hồ sơ / list cases' })
  @ApiOkResponse({ type: CursorPageOf(CaseViewDto) })
  list(@CurrentCaller() caller: Caller, @Query() query: ListCasesDto) {
    return this.cases.list(caller, query);
  }

  @Permission('case.read', 'record')
  @Get(':id')
  @ApiOperation({ summary: 'Hồ sơ, các thao tác được phép / a case and the events the caller may send' })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiErrors(CaseException.statuses, CASE_NOT_FOUND)
  get(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return this.cases.get(caller, id);
  }

  @Permission('case.event', 'record')
  @Post(':id/events')
  @HttpCode(200)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'a retry with the same key returns the first answer',
  })
  @ApiOperation({ summary: 'Chuyển giai đoạn / send an event to the case' })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiErrors(
    CaseException.statuses,
    CASE_NOT_FOUND,
    EVENT_NOT_ALLOWED,
    STALE_VERSION,
    IDEMPOTENCY_KEY_REUSED,
    GUARD_REFUSED,
    ASSIGNEE_NOT_ELIGIBLE,
  )
  send(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: CaseEventDto,
    @Headers('idempotency-key') key?: string,
  ) {
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw new InputValidationException([
        {
          field: 'Idempotency-Key',
          problems: [
            'Khóa chống gửi trùng phải gồm 1–200 ký tự ASCII in được / must be 1–200 printable ASCII characters',
          ],
        },
      ]);
    }
    return this.transitions.apply(
      caller,
      id,
      { type: dto.type, payload: dto.payload ?? {}, expectedVersion: dto.expectedVersion },
      key,
    );
  }

  @Permission('case.read', 'record')
  @Get(':id/reporter')
  @ApiOperation({
    summary: 'Người báo tin (bảo mật) / who reported (supervisor, or a principal with a grant; audited)',
  })
  @ApiOkResponse({ type: ReporterAnswerDto })
  @ApiErrors(CaseException.statuses, CASE_NOT_FOUND)
  reporter(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return this.reporters.read(caller, id);
  }

  @Permission('case.history', 'record')
  @Get(':id/history')
  @ApiOperation({ summary: 'Nhật ký hồ sơ / the audit trail, oldest first' })
  @ApiOkResponse({ type: ListOf(HistoryItemDto) })
  @ApiErrors(CaseException.statuses, CASE_NOT_FOUND)
  history(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return this.histories.history(caller, id);
  }

  @Permission('case.history', 'record')
  @Get(':id/chronology')
  @ApiOperation({
    summary: 'Diễn biến hồ sơ theo thời gian / the case’s chronology: stages, sessions, contacts, referral, consents',
  })
  @ApiOkResponse({ type: ListOf(ChronologyEntryDto) })
  @ApiErrors(CaseException.statuses, CASE_NOT_FOUND)
  chronology(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return this.chronologies.chronology(caller, id);
  }

  @Permission('case.history', 'record')
  @Get(':id/history/verify')
  @ApiOperation({ summary: 'Kiểm tra toàn vẹn nhật ký / verify the audit chain' })
  @ApiOkResponse({ type: ChainVerdictDto })
  @ApiErrors(CaseException.statuses, CASE_NOT_FOUND)
  verify(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return this.histories.verify(caller, id);
  }
}
