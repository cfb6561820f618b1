import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AdminAuditService } from '@dh/audit';
import { ApiErrors, ListOf, UuidParamPipe } from '@dh/errors';
import { AdminUsersService } from './admin-users.service';
import { CurrentCaller } from './auth.guard';
import { Caller } from './caller';
import { CreateUserDto, UserAccessDto } from './dtos/admin-user.dto';
import { ContactDto } from './dtos/contact.dto';
import { AdminChainEventDto, AdminChainVerdictDto, AdminUserViewDto } from './dtos/identity-views.response';
import { ResetPasswordDto } from './dtos/login.dto';
import { IdentityException, IdentityExceptionCode } from './identity.exception';
import { Permission } from './permissions/permission.decorators';

const { LAST_ADMIN, OWN_ADMIN_ACCESS, SCHOOL_NOT_FOUND, USERNAME_TAKEN, USER_NOT_FOUND } = IdentityExceptionCode;

// The admin's account work; every change is in the admin chain and ends the user's sessions where it must.
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
export class UsersController {
  constructor(
    private readonly users: AdminUsersService,
    private readonly chain: AdminAuditService,
  ) {}

  @Permission('admin.users')
  @Post('users')
  @ApiOperation({ summary: 'Tạo tài khoản / create a user (admin)' })
  @ApiCreatedResponse({ type: AdminUserViewDto })
  @ApiErrors(IdentityException.statuses, USER_NOT_FOUND, USERNAME_TAKEN, SCHOOL_NOT_FOUND)
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateUserDto) {
    return this.users.create(caller, dto);
  }

  @Permission('admin.users')
  @Get('users')
  @ApiOperation({ summary: 'Danh sách tài khoản / every account, with roles and schools (admin)' })
  @ApiOkResponse({ type: ListOf(AdminUserViewDto) })
  async list() {
    return { items: await this.users.list() };
  }

  @Permission('admin.users')
  @Put('users/:id/access')
  @ApiOperation({ summary: 'Đặt vai trò và trường / set roles and schools (admin)' })
  @ApiOkResponse({ type: AdminUserViewDto })
  @ApiErrors(IdentityException.statuses, USER_NOT_FOUND, SCHOOL_NOT_FOUND, OWN_ADMIN_ACCESS, LAST_ADMIN)
  setAccess(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: UserAccessDto) {
    return this.users.setAccess(caller, id, dto);
  }

  @Permission('admin.users')
  @Put('users/:id/contact')
  @ApiOperation({ summary: 'Đặt thư điện tử và số điện thoại / set a user’s e-mail and phone (admin)' })
  @ApiOkResponse({ type: AdminUserViewDto })
  @ApiErrors(IdentityException.statuses, USER_NOT_FOUND)
  setContact(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: ContactDto) {
    return this.users.setContact(caller, id, dto);
  }

  @Permission('admin.users')
  @Post('users/:id/reset-password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Đặt lại mật khẩu / reset a user’s password (admin)' })
  @ApiNoContentResponse({ description: 'done' })
  @ApiErrors(IdentityException.statuses, USER_NOT_FOUND)
  async reset(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: ResetPasswordDto,
  ): Promise<void> {
    await this.users.resetPassword(caller, id, dto.newPassword);
  }

  @Permission('admin.users')
  @Post('users/:id/disable')
  @HttpCode(204)
  @ApiOperation({ summary: 'Khóa tài khoản / disable a user (admin)' })
  @ApiNoContentResponse({ description: 'done' })
  @ApiErrors(IdentityException.statuses, USER_NOT_FOUND, OWN_ADMIN_ACCESS, LAST_ADMIN)
  async disable(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string): Promise<void> {
    await this.users.disable(caller, id);
  }

  @Permission('admin.users')
  @Get('audit')
  @ApiOperation({ summary: 'Nhật ký quản trị / the admin chain, oldest first' })
  @ApiOkResponse({ type: ListOf(AdminChainEventDto) })
  async audit() {
    return { items: (await this.chain.list()).map((e) => ({ ...e, at: e.at.toISOString() })) };
  }

  // The verdict names no school's content: the inspector checks the admin's own trail, as they keep its heads.
  @Permission('audit.checkpoints')
  @Get('audit/verify')
  @ApiOperation({ summary: 'Kiểm tra toàn vẹn nhật ký quản trị / verify the admin chain (admin, auditor)' })
  @ApiOkResponse({ type: AdminChainVerdictDto })
  verify() {
    return this.chain.verify();
  }
}
