import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParamPipe } from '@dh/errors';
import { Caller, CurrentCaller, Permission } from '@dh/identity';
import { RecordFamilyContactDto } from '../family-contacts/dtos/record-family-contact.dto';
import { RecordFollowUpDto } from '../follow-ups/dtos/record-follow-up.dto';
import { RecordSessionDto } from '../sessions/dtos/record-session.dto';
import { CaseRecordsService } from './case-records.service';

@ApiTags('records')
@ApiBearerAuth()
@Controller('cases/:id')
export class CaseRecordsController {
  constructor(private readonly records: CaseRecordsService) {}

  @Permission('record.read', 'record')
  @Get('records')
  @ApiOperation({ summary: 'Hồ sơ của trường hợp: đánh giá, kế hoạch, buổi tư vấn, liên hệ gia đình, kết thúc, theo dõi / the case’s records, oldest first' })
  read(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return this.records.read(caller, id);
  }

  @Permission('record.write', 'record')
  @Post('sessions')
  @ApiOperation({ summary: 'Ghi một buổi tư vấn / record a counselling session (the case team; open cases)' })
  recordSession(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: RecordSessionDto) {
    return this.records.recordSession(caller, id, dto);
  }

  @Permission('record.write', 'record')
  @Post('family-contacts')
  @ApiOperation({ summary: 'Ghi một lần liên hệ với gia đình / record a contact with the family (the case team)' })
  recordFamilyContact(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: RecordFamilyContactDto) {
    return this.records.recordFamilyContact(caller, id, dto);
  }

  @Permission('record.write', 'record')
  @Post('follow-ups')
  @ApiOperation({ summary: 'Ghi một lần liên hệ theo dõi sau kết thúc / record a follow-up contact (the case team; in follow-up)' })
  recordFollowUp(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: RecordFollowUpDto) {
    return this.records.recordFollowUp(caller, id, dto);
  }
}
