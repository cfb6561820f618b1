import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, UuidParamPipe } from '@dh/errors';
import { Caller, CurrentCaller, Permission } from '@dh/identity';
import { CaseException, CaseExceptionCode } from '@dh/cases';
import { RecordFamilyContactDto } from '../family-contacts/dtos/record-family-contact.dto';
import { RecordFollowUpDto } from '../follow-ups/dtos/record-follow-up.dto';
import { RecordSessionDto } from '../sessions/dtos/record-session.dto';
import { CaseRecordException, CaseRecordExceptionCode } from './case-record.exception';
import { CaseRecordsService } from './case-records.service';
import {
  CaseRecordsDto,
  CounsellingSessionViewDto,
  FamilyContactViewDto,
  FollowUpContactViewDto,
} from './dtos/record-views.response';

const { CASE_NOT_FOUND } = CaseExceptionCode;
const { CASE_CLOSED, NOT_CASE_TEAM, NOT_IN_FOLLOW_UP } = CaseRecordExceptionCode;

@ApiTags('records')
@ApiBearerAuth()
@Controller('cases/:id')
export class CaseRecordsController {
  constructor(private readonly records: CaseRecordsService) {}

  @Permission('record.read', 'record')
  @Get('records')
  @ApiOperation({
    summary:
      'Hồ sơ của trường hợp: đánh giá, kế hoạch, buổi tư vấn, liên hệ gia đình, kết thúc, theo dõi / the case’s records, oldest first',
  })
  @ApiOkResponse({ type: CaseRecordsDto })
  @ApiErrors(CaseException.statuses, CASE_NOT_FOUND)
  read(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return this.records.read(caller, id);
  }

  @Permission('record.write', 'record')
  @Post('sessions')
  @ApiOperation({ summary: 'Ghi một buổi tư vấn / record a counselling session (the case team; open cases)' })
  @ApiCreatedResponse({ type: CounsellingSessionViewDto })
  @ApiErrors(CaseException.statuses, CASE_NOT_FOUND)
  @ApiErrors(CaseRecordException.statuses, NOT_CASE_TEAM, CASE_CLOSED)
  recordSession(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: RecordSessionDto,
  ) {
    return this.records.recordSession(caller, id, dto);
  }

  @Permission('record.write', 'record')
  @Post('family-contacts')
  @ApiOperation({ summary: 'Ghi một lần liên hệ với gia đình / record a contact with the family (the case team)' })
  @ApiCreatedResponse({ type: FamilyContactViewDto })
  @ApiErrors(CaseException.statuses, CASE_NOT_FOUND)
  @ApiErrors(CaseRecordException.statuses, NOT_CASE_TEAM)
  recordFamilyContact(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: RecordFamilyContactDto,
  ) {
    return this.records.recordFamilyContact(caller, id, dto);
  }

  @Permission('record.write', 'record')
  @Post('follow-ups')
  @ApiOperation({
    summary: 'Ghi một lần liên hệ theo dõi sau kết thúc / record a follow-up contact (the case team; in follow-up)',
  })
  @ApiCreatedResponse({ type: FollowUpContactViewDto })
  @ApiErrors(CaseException.statuses, CASE_NOT_FOUND)
  @ApiErrors(CaseRecordException.statuses, NOT_CASE_TEAM, NOT_IN_FOLLOW_UP)
  recordFollowUp(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: RecordFollowUpDto,
  ) {
    return this.records.recordFollowUp(caller, id, dto);
  }
}
