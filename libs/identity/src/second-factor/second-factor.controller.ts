import { Body, Controller, HttpCode, Ip, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, UuidParamPipe } from '@dh/errors';
import { CurrentCaller } from '../auth.guard';
import { Caller } from '../caller';
import { IdentityException, IdentityExceptionCode } from '../identity.exception';
import { Permission, SignedIn } from '../permissions/permission.decorators';
import { LoginThrottle } from '../throttle/login-throttle';
import { SecondFactorCodeDto, SecondFactorEnrolmentDto } from './dtos/second-factor.dto';
import { SecondFactorService } from './second-factor.service';

const {
  SECOND_FACTOR_ALREADY_ENROLLED,
  SECOND_FACTOR_INVALID,
  SECOND_FACTOR_NOT_FOUND,
  TOO_MANY_LOGIN_ATTEMPTS,
  USER_NOT_FOUND,
} = IdentityExceptionCode;

@ApiTags('admin')
@ApiBearerAuth()
@Controller()
export class SecondFactorController {
  constructor(
    private readonly secondFactor: SecondFactorService,
    private readonly throttle: LoginThrottle,
  ) {}

  @Permission('admin.users')
  @Post('admin/users/:id/second-factor')
  @ApiOperation({
    summary: 'Đăng ký xác thực hai lớp / enrol a user’s second factor (admin): the secret and recovery codes, once',
  })
  @ApiCreatedResponse({ type: SecondFactorEnrolmentDto })
  @ApiErrors(IdentityException.statuses, USER_NOT_FOUND, SECOND_FACTOR_ALREADY_ENROLLED)
  enrol(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return this.secondFactor.enrol(caller, id);
  }

  @Permission('admin.users')
  @Post('admin/users/:id/second-factor/reset')
  @HttpCode(204)
  @ApiOperation({ summary: 'Đặt lại xác thực hai lớp / remove a user’s second factor (admin)' })
  @ApiNoContentResponse({ description: 'done' })
  @ApiErrors(IdentityException.statuses, USER_NOT_FOUND, SECOND_FACTOR_NOT_FOUND)
  async reset(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string): Promise<void> {
    await this.secondFactor.reset(caller, id);
  }

  // Wrong codes count against the login's throttle, under the caller's name, as wrong passwords do.
  @SignedIn()
  @Post('me/second-factor/confirm')
  @HttpCode(204)
  @ApiTags('auth')
  @ApiOperation({ summary: 'Xác nhận xác thực hai lớp / confirm my enrolment with a first code' })
  @ApiNoContentResponse({ description: 'the second factor is active' })
  @ApiErrors(
    IdentityException.statuses,
    SECOND_FACTOR_NOT_FOUND,
    SECOND_FACTOR_ALREADY_ENROLLED,
    SECOND_FACTOR_INVALID,
    TOO_MANY_LOGIN_ATTEMPTS,
  )
  async confirm(@CurrentCaller() caller: Caller, @Body() dto: SecondFactorCodeDto, @Ip() ip: string): Promise<void> {
    await this.throttle.check(caller.username, ip, () => this.secondFactor.confirmOwn(caller.id, dto.code));
  }
}
