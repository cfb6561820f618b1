import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, Permission } from '@dh/identity';
import { CreateLearnerDto } from '../dtos/create-learner.dto';
import { SearchLearnersDto } from '../dtos/search-learners.dto';
import { LearnerService } from './learner.service';

@ApiTags('learners')
@ApiBearerAuth()
@Controller('learners')
export class LearnersController {
  constructor(private readonly learners: LearnerService) {}

  @Permission('learner.create', 'record')
  @Post()
  @ApiOperation({ summary: 'Thêm học sinh / add a learner (409 if one with the same name and birthday exists)' })
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateLearnerDto) {
    return this.learners.create(caller, dto);
  }

  @Permission('learner.read', 'record')
  @Get()
  @ApiOperation({ summary: 'Tìm học sinh / search learners' })
  search(@CurrentCaller() caller: Caller, @Query() query: SearchLearnersDto) {
    return this.learners.search(caller, query);
  }
}
