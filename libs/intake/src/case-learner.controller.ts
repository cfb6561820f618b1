import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, UuidParamPipe } from '@dh/errors';
import { Caller, CurrentCaller, Permission } from '@dh/identity';
import { CaseException, CaseExceptionCode, CaseViewDto } from '@dh/cases';
import { LearnerException, LearnerExceptionCode } from '@dh/learners';
import { IdentifyLearnerDto } from './dtos/identify-learner.dto';
import { IntakeException, IntakeExceptionCode } from './intake.exception';
import { LearnerIdentificationService } from './learner-identification.service';

const { CASE_NOT_FOUND } = CaseExceptionCode;
const { LEARNER_FIXED, NOT_CASE_TEAM } = IntakeExceptionCode;

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases/:id/learner')
export class CaseLearnerController {
  constructor(private readonly identification: LearnerIdentificationService) {}

  @Permission('case.learner', 'record')
  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Xác định học sinh của hồ sơ (khi còn ở giai đoạn tiếp nhận) / name the case’s learner, at intake (supervisor or assignee)',
  })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiErrors(CaseException.statuses, CASE_NOT_FOUND)
  @ApiErrors(LearnerException.statuses, LearnerExceptionCode.LEARNER_NOT_FOUND)
  @ApiErrors(IntakeException.statuses, NOT_CASE_TEAM, LEARNER_FIXED)
  identify(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: IdentifyLearnerDto,
  ): Promise<unknown> {
    return this.identification.identify(caller, id, dto);
  }
}
