import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Public } from './auth.guard';
import { AuthService, PublicUser } from './auth.service';
import { Caller } from './caller';
import { ChangePasswordDto, LoginDto } from './dtos/login.dto';
import { LoginThrottlerGuard } from './login-throttle';
import { UserService } from './user.service';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UserService,
  ) {}

  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đăng nhập / log in' })
  login(@Body() dto: LoginDto) {
    return this.auth.login(dto.username, dto.password);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Người dùng hiện tại / the caller' })
  me(@CurrentCaller() caller: Caller): PublicUser {
    const { requestId: _requestId, ...user } = caller;
    return user;
  }

  @Post('me/password')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Đổi mật khẩu / change my password (ends every other session at once)' })
  async changePassword(@CurrentCaller() caller: Caller, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.users.changeOwnPassword(caller.id, dto.currentPassword, dto.newPassword);
  }
}
