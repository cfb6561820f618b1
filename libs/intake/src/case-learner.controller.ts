import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParamPipe } from '@dh/errors';
import { Caller, CurrentCaller, Permission } from '@dh/identity';
import { IdentifyLearnerDto } from './dtos/identify-learner.dto';
import { LearnerIdentificationService } from './learner-identification.service';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases/:id/learner')
export class CaseLearnerController {
  constructor(private readonly identification: LearnerIdentificationService) {}

  @Permission('case.learner', 'record')
  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Xác định học sinh của hồ sơ (khi còn ở giai đoạn tiếp nhận) / name the case’s learner, at intake (supervisor or assignee)' })
  identify(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: IdentifyLearnerDto): Promise<unknown> {
    return this.identification.identify(caller, id, dto);
  }
}
