import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, Permission } from '@dh/identity';
import { WardFiguresQueryDto } from './dtos/ward-figures.dto';
import { WardFiguresService } from './ward-figures.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly figures: WardFiguresService) {}

  @Permission('report.read')
  @Get('ward/cases')
  @ApiOperation({
    summary: 'Số liệu tổng hợp hồ sơ theo trường / case figures per school: open by stage, risk, area, channel; closed this school year (ward officer: the ward, cells under 5 shown as "<5"; principal, supervisor: their school)',
  })
  wardCases(@CurrentCaller() caller: Caller, @Query() query: WardFiguresQueryDto) {
    return this.figures.cases(caller, query.schoolId);
  }
}
