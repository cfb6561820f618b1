import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '@dh/identity';
import { PublicIntakeAnswer, PublicIntakeDto } from './dtos/public-intake.dto';
import { IntakeThrottleGuard } from './intake-throttle.guard';
import { PublicIntakeService } from './public-intake.service';

@ApiTags('public')
@Controller('public')
export class PublicIntakeController {
  constructor(private readonly intake: PublicIntakeService) {}

  @Public()
  @UseGuards(IntakeThrottleGuard)
  @Post('intake')
  @HttpCode(202)
  @ApiOperation({ summary: 'Báo tin trực tuyến, không cần đăng nhập / anonymous online report (no login): answers a tracking code only' })
  @ApiTooManyRequestsResponse({ description: '5 a minute and 20 an hour per client address' })
  report(@Body() dto: PublicIntakeDto, @Req() req: Request & { requestId?: string }): Promise<PublicIntakeAnswer> {
    return this.intake.report(dto, req.requestId ?? '');
  }
}
