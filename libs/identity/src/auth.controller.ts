import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from './auth.guard';
import { Public, SignedIn } from './permissions/permission.decorators';
import { ApiErrors } from '@dh/errors';
import { AuthService, PublicUser } from './auth.service';
import { Caller } from './caller';
import { LoginAnswerDto, PublicUserDto } from './dtos/identity-views.response';
import { ChangePasswordDto, LoginDto } from './dtos/login.dto';
import { IdentityException, IdentityExceptionCode } from './identity.exception';
import { LoginThrottle } from './throttle/login-throttle';
import { UserService } from './user.service';

const {
  INVALID_CREDENTIALS,
  SECOND_FACTOR_INVALID,
  SECOND_FACTOR_NOT_ENROLLED,
  SECOND_FACTOR_REQUIRED,
  TOO_MANY_LOGIN_ATTEMPTS,
  WRONG_CURRENT_PASSWORD,
} = IdentityExceptionCode;

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UserService,
    private readonly throttle: LoginThrottle,
  ) {}

  // The address is Express's req.ip: behind a proxy, `trust proxy` makes it the client's. A user with a second factor
  // is answered SECOND_FACTOR_REQUIRED after a right password and sends the same login again with `code`; wrong codes
  // count against the same throttle as wrong passwords.
  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đăng nhập / log in' })
  @ApiOkResponse({ type: LoginAnswerDto })
  @ApiErrors(
    IdentityException.statuses,
    INVALID_CREDENTIALS,
    TOO_MANY_LOGIN_ATTEMPTS,
    SECOND_FACTOR_REQUIRED,
    SECOND_FACTOR_INVALID,
    SECOND_FACTOR_NOT_ENROLLED,
  )
  login(@Body() dto: LoginDto, @Ip() ip: string) {
    return this.throttle.check(dto.username, ip, () => this.auth.login(dto.username, dto.password, dto.code));
  }

  @SignedIn()
  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Người dùng hiện tại / the caller' })
  @ApiOkResponse({ type: PublicUserDto })
  me(@CurrentCaller() caller: Caller): PublicUser {
    const { requestId: _requestId, ...user } = caller;
    return user;
  }

  @SignedIn()
  @Post('me/password')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Đổi mật khẩu / change my password (ends every other session at once)' })
  @ApiNoContentResponse({ description: 'done' })
  @ApiErrors(IdentityException.statuses, WRONG_CURRENT_PASSWORD, TOO_MANY_LOGIN_ATTEMPTS)
  async changePassword(
    @CurrentCaller() caller: Caller,
    @Body() dto: ChangePasswordDto,
    @Ip() ip: string,
  ): Promise<void> {
    // A stolen token must not buy unlimited guesses at the password: the login's counters, under the same name.
    await this.throttle.check(caller.username, ip, () =>
      this.users.changeOwnPassword(caller.id, dto.currentPassword, dto.newPassword),
    );
  }
}
