import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';

import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiErrors, ListOf, UuidParamPipe } from '@dh/errors';

import { Caller, CurrentCaller, Permission } from '@dh/identity';
import { DirectoryException, DirectoryExceptionCode } from './directory.exception';

import { DirectoryService } from './directory.service';

import { ProviderViewDto } from './dtos/provider-view.response';

import { CreateServiceProviderDto, DirectoryQueryDto, ServiceProviderDto } from './dtos/service-provider.dto';

const { PROVIDER_ALREADY_INACTIVE, PROVIDER_NOT_FOUND, WARD_NOT_FOUND } = DirectoryExceptionCode;

// Who may read or change which ward's directory is the policy's (directory.read, directory.manage), in the service.
@ApiTags('directory')
@ApiBearerAuth()
@Controller('directory')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Permission('directory.read')
  @Get()
  @ApiOperation({
    summary:
      'Danh bạ dịch vụ chuyển gửi của phường / the ward’s directory of referral receivers (school roles, ward officer, auditor, admin)',
  })
  @ApiOkResponse({ type: ListOf(ProviderViewDto) })
  @ApiErrors(DirectoryException.statuses, PROVIDER_NOT_FOUND, WARD_NOT_FOUND)
  async list(@CurrentCaller() caller: Caller, @Query() query: DirectoryQueryDto) {
    return { items: await this.directory.list(caller, query) };
  }

  @Permission('directory.read')
  @Get(':id')
  @ApiOperation({ summary: 'Một đơn vị trong danh bạ / one receiver (404 beyond the caller’s wards)' })
  @ApiOkResponse({ type: ProviderViewDto })
  @ApiErrors(DirectoryException.statuses, PROVIDER_NOT_FOUND)
  get(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return this.directory.get(caller, id);
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/directory')
export class AdminDirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Permission('directory.manage')
  @Post()
  @ApiOperation({ summary: 'Thêm đơn vị vào danh bạ / add a receiver to a ward’s directory (admin)' })
  @ApiCreatedResponse({ type: ProviderViewDto })
  @ApiErrors(DirectoryException.statuses, PROVIDER_NOT_FOUND, WARD_NOT_FOUND)
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateServiceProviderDto) {
    return this.directory.create(caller, dto);
  }

  @Permission('directory.manage')
  @Put(':id')
  @ApiOperation({ summary: 'Sửa thông tin đơn vị / replace a receiver’s details (admin)' })
  @ApiOkResponse({ type: ProviderViewDto })
  @ApiErrors(DirectoryException.statuses, PROVIDER_NOT_FOUND)
  update(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: ServiceProviderDto) {
    return this.directory.update(caller, id, dto);
  }

  @Permission('directory.manage')
  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Ngừng sử dụng đơn vị / deactivate a receiver; it stays for the referrals that name it (admin)',
  })
  @ApiOkResponse({ type: ProviderViewDto })
  @ApiErrors(DirectoryException.statuses, PROVIDER_NOT_FOUND, PROVIDER_ALREADY_INACTIVE)
  deactivate(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return this.directory.deactivate(caller, id);
  }
}
