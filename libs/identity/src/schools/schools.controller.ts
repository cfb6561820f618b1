import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParamPipe } from '@dh/errors';
import { CurrentCaller } from '../auth.guard';
import { Caller } from '../caller';
import { Permission } from '../permissions/permission.decorators';
import { AdminSchoolsService } from './admin-schools.service';
import { CreateSchoolDto, CreateWardDto, RenameSchoolDto } from './school.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
export class SchoolsController {
  constructor(private readonly schools: AdminSchoolsService) {}

  @Permission('admin.schools')
  @Post('wards')
  @ApiOperation({ summary: 'Tạo phường / create a ward (admin)' })
  createWard(@CurrentCaller() caller: Caller, @Body() dto: CreateWardDto) {
    return this.schools.createWard(caller, dto);
  }

  @Permission('admin.schools')
  @Get('wards')
  @ApiOperation({ summary: 'Danh sách phường / wards (admin)' })
  async wards() {
    return { items: await this.schools.wards() };
  }

  @Permission('admin.schools')
  @Post('schools')
  @ApiOperation({ summary: 'Tạo trường / create a school (admin)' })
  createSchool(@CurrentCaller() caller: Caller, @Body() dto: CreateSchoolDto) {
    return this.schools.createSchool(caller, dto);
  }

  @Permission('admin.schools')
  @Put('schools/:id')
  @ApiOperation({ summary: 'Đổi tên trường / rename a school; its code stays (admin)' })
  rename(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: RenameSchoolDto) {
    return this.schools.renameSchool(caller, id, dto.name);
  }

  @Permission('admin.schools')
  @Get('schools')
  @ApiOperation({ summary: 'Danh sách trường / schools (admin)' })
  async list() {
    return { items: await this.schools.schools() };
  }
}
