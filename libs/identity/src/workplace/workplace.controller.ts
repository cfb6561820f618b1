import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ListOf, UuidParamPipe } from '@dh/errors';
import { CurrentCaller } from '../auth.guard';
import { Caller } from '../caller';
import { IdentityException, IdentityExceptionCode } from '../identity.exception';
import { Permission, SignedIn } from '../permissions/permission.decorators';
import { StaffMemberDto, WorkplaceDto } from './workplace.response';
import { WorkplaceService } from './workplace.service';

// Where people work and with whom: what the web app's header and the assignment form need.
@ApiTags('workplace')
@ApiBearerAuth()
@Controller()
export class WorkplaceController {
  constructor(private readonly workplace: WorkplaceService) {}

  @SignedIn()
  @Get('me/schools')
  @ApiOperation({ summary: 'Trường của tôi / the schools the caller works in, by name' })
  @ApiOkResponse({ type: ListOf(WorkplaceDto) })
  async mySchools(@CurrentCaller() caller: Caller) {
    return { items: await this.workplace.schoolsOf(caller) };
  }

  @Permission('school.staff', 'record')
  @Get('schools/:id/case-team')
  @ApiOperation({
    summary: 'Giáo viên tư vấn và tổ trưởng của trường / the school’s counsellors and supervisors, to assign a case',
  })
  @ApiOkResponse({ type: ListOf(StaffMemberDto) })
  @ApiErrors(IdentityException.statuses, IdentityExceptionCode.SCHOOL_NOT_FOUND)
  async caseTeam(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return { items: await this.workplace.caseTeam(caller, id) };
  }
}
