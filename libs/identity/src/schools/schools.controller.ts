import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ListOf, UuidParamPipe } from '@dh/errors';
import { CurrentCaller } from '../auth.guard';
import { Caller } from '../caller';
import { Permission } from '../permissions/permission.decorators';
import { SchoolViewDto, WardViewDto } from '../dtos/identity-views.response';
import { IdentityException, IdentityExceptionCode } from '../identity.exception';
import { AdminSchoolsService } from './admin-schools.service';
import { CreateSchoolDto, CreateWardDto, RenameDto } from './school.dto';

const { CODE_TAKEN, SCHOOL_NOT_FOUND, WARD_NOT_FOUND } = IdentityExceptionCode;

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
export class SchoolsController {
  constructor(private readonly schools: AdminSchoolsService) {}

  @Permission('admin.schools')
  @Post('wards')
  @ApiOperation({ summary: 'Tạo phường / create a ward (admin)' })
  @ApiCreatedResponse({ type: WardViewDto })
  @ApiErrors(IdentityException.statuses, CODE_TAKEN)
  createWard(@CurrentCaller() caller: Caller, @Body() dto: CreateWardDto) {
    return this.schools.createWard(caller, dto);
  }

  @Permission('admin.schools')
  @Get('wards')
  @ApiOperation({ summary: 'Danh sách phường / wards (admin)' })
  @ApiOkResponse({ type: ListOf(WardViewDto) })
  async wards() {
    return { items: await this.schools.wards() };
  }

  @Permission('admin.schools')
  @Put('wards/:id')
  @ApiOperation({ summary: 'Đổi tên phường / rename a ward; its code stays (admin)' })
  @ApiOkResponse({ type: WardViewDto })
  @ApiErrors(IdentityException.statuses, WARD_NOT_FOUND)
  renameWard(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: RenameDto) {
    return this.schools.renameWard(caller, id, dto.name);
  }

  @Permission('admin.schools')
  @Post('schools')
  @ApiOperation({ summary: 'Tạo trường / create a school (admin)' })
  @ApiCreatedResponse({ type: SchoolViewDto })
  @ApiErrors(IdentityException.statuses, SCHOOL_NOT_FOUND, WARD_NOT_FOUND, CODE_TAKEN)
  createSchool(@CurrentCaller() caller: Caller, @Body() dto: CreateSchoolDto) {
    return this.schools.createSchool(caller, dto);
  }

  @Permission('admin.schools')
  @Put('schools/:id')
  @ApiOperation({ summary: 'Đổi tên trường / rename a school; its code stays (admin)' })
  @ApiOkResponse({ type: SchoolViewDto })
  @ApiErrors(IdentityException.statuses, SCHOOL_NOT_FOUND)
  rename(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: RenameDto) {
    return this.schools.renameSchool(caller, id, dto.name);
  }

  @Permission('admin.schools')
  @Get('schools')
  @ApiOperation({ summary: 'Danh sách trường / schools (admin)' })
  @ApiOkResponse({ type: ListOf(SchoolViewDto) })
  async list() {
    return { items: await this.schools.schools() };
  }
}
