import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParamPipe } from '@dh/errors';
import { CurrentCaller } from './auth.guard';
import { Caller } from './caller';
import { ResetPasswordDto } from './dtos/login.dto';
import { assertAllowed } from './access-policy';
import { IdentityException, IdentityExceptionCode } from './identity.exception';
import { UserService } from './user.service';

// The admin's account work; every change ends the user's sessions at once.
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/users')
export class UsersController {
  constructor(private readonly users: UserService) {}

  @Post(':id/reset-password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Đặt lại mật khẩu / reset a user’s password (admin)' })
  async reset(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: ResetPasswordDto): Promise<void> {
    this.assertAdmin(caller);
    await this.users.resetPassword(id, dto.newPassword);
  }

  @Post(':id/disable')
  @HttpCode(204)
  @ApiOperation({ summary: 'Khóa tài khoản / disable a user (admin)' })
  async disable(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string): Promise<void> {
    this.assertAdmin(caller);
    await this.users.disable(id);
  }

  private assertAdmin(caller: Caller): void {
    assertAllowed(caller, 'admin.users', undefined, () => new IdentityException(IdentityExceptionCode.USER_NOT_FOUND));
  }
}
