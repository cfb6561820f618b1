import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ListOf, UuidParamPipe } from '@dh/errors';
import { assertAllowed } from '../access-policy';
import { CurrentCaller } from '../auth.guard';
import { Caller } from '../caller';
import { SchoolViewDto, WardViewDto } from '../dtos/identity-views.response';
import { IDENTITY_EXCEPTION_STATUS, IdentityException, IdentityExceptionCode } from '../identity.exception';
import { AdminSchoolsService } from './admin-schools.service';
import { CreateSchoolDto, CreateWardDto, RenameSchoolDto } from './school.dto';

const { CODE_TAKEN, SCHOOL_NOT_FOUND, WARD_NOT_FOUND } = IdentityExceptionCode;

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
export class SchoolsController {
  constructor(private readonly schools: AdminSchoolsService) {}

  @Post('wards')
  @ApiOperation({ summary: 'Tạo phường / create a ward (admin)' })
  @ApiCreatedResponse({ type: WardViewDto })
  @ApiErrors(IDENTITY_EXCEPTION_STATUS, SCHOOL_NOT_FOUND, CODE_TAKEN)
  createWard(@CurrentCaller() caller: Caller, @Body() dto: CreateWardDto) {
    assertAdmin(caller);
    return this.schools.createWard(caller, dto);
  }

  @Get('wards')
  @ApiOperation({ summary: 'Danh sách phường / wards (admin)' })
  @ApiOkResponse({ type: ListOf(WardViewDto) })
  @ApiErrors(IDENTITY_EXCEPTION_STATUS, SCHOOL_NOT_FOUND)
  async wards(@CurrentCaller() caller: Caller) {
    assertAdmin(caller);
    return { items: await this.schools.wards() };
  }

  @Post('schools')
  @ApiOperation({ summary: 'Tạo trường / create a school (admin)' })
  @ApiCreatedResponse({ type: SchoolViewDto })
  @ApiErrors(IDENTITY_EXCEPTION_STATUS, SCHOOL_NOT_FOUND, WARD_NOT_FOUND, CODE_TAKEN)
  createSchool(@CurrentCaller() caller: Caller, @Body() dto: CreateSchoolDto) {
    assertAdmin(caller);
    return this.schools.createSchool(caller, dto);
  }

  @Put('schools/:id')
  @ApiOperation({ summary: 'Đổi tên trường / rename a school; its code stays (admin)' })
  @ApiOkResponse({ type: SchoolViewDto })
  @ApiErrors(IDENTITY_EXCEPTION_STATUS, SCHOOL_NOT_FOUND)
  rename(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: RenameSchoolDto) {
    assertAdmin(caller);
    return this.schools.renameSchool(caller, id, dto.name);
  }

  @Get('schools')
  @ApiOperation({ summary: 'Danh sách trường / schools (admin)' })
  @ApiOkResponse({ type: ListOf(SchoolViewDto) })
  @ApiErrors(IDENTITY_EXCEPTION_STATUS, SCHOOL_NOT_FOUND)
  async list(@CurrentCaller() caller: Caller) {
    assertAdmin(caller);
    return { items: await this.schools.schools() };
  }
}

const assertAdmin = (caller: Caller): void =>
  assertAllowed(caller, 'admin.schools', undefined, () => new IdentityException(IdentityExceptionCode.SCHOOL_NOT_FOUND));
