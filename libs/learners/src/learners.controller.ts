import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, PageOf } from '@dh/errors';
import { Caller, CurrentCaller, IdentityException, IdentityExceptionCode, Permission } from '@dh/identity';
import { CreateLearnerDto } from './dtos/create-learner.dto';
import { LearnerViewDto } from './dtos/learner-view.response';
import { SearchLearnersDto } from './dtos/search-learners.dto';
import { LearnerException, LearnerExceptionCode } from './learner.exception';
import { LearnerService } from './learner.service';

const { SCHOOL_NOT_FOUND } = IdentityExceptionCode;

@ApiTags('learners')
@ApiBearerAuth()
@Controller('learners')
export class LearnersController {
  constructor(private readonly learners: LearnerService) {}

  @Permission('learner.create', 'record')
  @Post()
  @ApiOperation({ summary: 'Thêm học sinh / add a learner (409 if one with the same name and birthday exists)' })
  @ApiCreatedResponse({ type: LearnerViewDto })
  @ApiErrors(IdentityException.statuses, SCHOOL_NOT_FOUND)
  @ApiErrors(LearnerException.statuses, LearnerExceptionCode.LEARNER_LOOKS_LIKE_EXISTING)
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateLearnerDto) {
    return this.learners.create(caller, dto);
  }

  @Permission('learner.read', 'record')
  @Get()
  @ApiOperation({ summary: 'Tìm học sinh / search learners' })
  @ApiOkResponse({ type: PageOf(LearnerViewDto) })
  @ApiErrors(IdentityException.statuses, SCHOOL_NOT_FOUND)
  search(@CurrentCaller() caller: Caller, @Query() query: SearchLearnersDto) {
    return this.learners.search(caller, query);
  }
}
