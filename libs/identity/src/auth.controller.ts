import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Public } from './auth.guard';
import { AuthService, PublicUser } from './auth.service';
import { Caller } from './caller';
import { LoginDto } from './dtos/login.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
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
}
