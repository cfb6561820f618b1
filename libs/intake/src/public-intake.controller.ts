import { Body, Controller, Get, Header, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@dh/errors';
import type { Request } from 'express';
import { Public } from '@dh/identity';
import { AltchaChallengeDto, PublicIntakeAnswerDto, PublicSchoolDto } from './dtos/intake-views.response';
import { PublicIntakeAnswer, PublicIntakeDto } from './dtos/public-intake.dto';
import { IntakeException, IntakeExceptionCode } from './intake.exception';
import { IntakeThrottleGuard } from './intake-throttle.guard';
import { AltchaChallenge, ProofOfWorkService } from './proof-of-work/proof-of-work.service';
import { PublicIntakeService } from './public-intake.service';

const { PROOF_OF_WORK_REFUSED, SCHOOL_NOT_FOUND, TOO_MANY_REPORTS } = IntakeExceptionCode;

@ApiTags('public')
@Controller('public')
export class PublicIntakeController {
  constructor(
    private readonly intake: PublicIntakeService,
    private readonly proofOfWork: ProofOfWorkService,
  ) {}

  // The widget solves it in the background while the form is filled: no puzzle to see or hear, nothing to click
  // but an ordinary labelled checkbox, so the form stays usable with a screen reader or a keyboard alone.
  @Public()
  @Get('intake/challenge')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Bài toán chống tin rác cho biểu mẫu báo tin / the public form’s proof-of-work challenge (ALTCHA v2, self-hosted)',
    description:
      'Answers an ALTCHA v2 challenge ({parameters, signature}) for the widget’s `challenge` option (altcha widget v3, ' +
      'served by the school’s own site: no third party). The widget finds the counter whose PBKDF2 key starts with ' +
      '`parameters.keyPrefix` and puts base64 of JSON {challenge, solution} in the form’s `altcha` field. A challenge ' +
      'expires after 30 minutes (`parameters.data.expires`, Unix seconds) and its solution is accepted once. ' +
      'Accessibility: the work runs in the background without any image or audio puzzle; the widget shows a labelled ' +
      'checkbox and announces “verifying” / “verified” / an error through a live region; an expired or refused ' +
      'solution (400, code PROOF_OF_WORK_REFUSED, details naming `altcha`) is recovered by fetching a new challenge, ' +
      'keeping what was typed.',
  })
  @ApiOkResponse({ type: AltchaChallengeDto, description: 'an ALTCHA v2 challenge for the widget' })
  challenge(): Promise<AltchaChallenge> {
    return this.proofOfWork.challenge();
  }

  // The page names the school before anyone writes, and a wrong address is said at once, not after the message.
  @Public()
  @Get('schools/:code')
  @ApiOperation({ summary: 'Trường mang mã này / the school a public form’s code names (code and name only)' })
  @ApiOkResponse({ type: PublicSchoolDto })
  @ApiErrors(IntakeException.statuses, SCHOOL_NOT_FOUND)
  school(@Param('code') code: string): Promise<PublicSchoolDto> {
    return this.intake.school(code);
  }

  @Public()
  @UseGuards(IntakeThrottleGuard)
  @Post('intake')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Báo tin trực tuyến, không cần đăng nhập / anonymous online report (no login): answers a tracking code only',
  })
  @ApiAcceptedResponse({ type: PublicIntakeAnswerDto })
  // TOO_MANY_REPORTS: 5 a minute and 20 an hour per client address; PROOF_OF_WORK_REFUSED: `altcha` missing, malformed,
  // invalid, expired or already used (details name it).
  @ApiErrors(IntakeException.statuses, TOO_MANY_REPORTS, PROOF_OF_WORK_REFUSED)
  report(@Body() dto: PublicIntakeDto, @Req() req: Request & { requestId?: string }): Promise<PublicIntakeAnswer> {
    return this.intake.report(dto, req.requestId ?? '');
  }
}
