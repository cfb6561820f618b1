import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertAllowed, Caller, CurrentCaller, IdentityException, IdentityExceptionCode } from '@dh/identity';
import { CheckpointService } from './checkpoint.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/checkpoints')
export class CheckpointsController {
  constructor(private readonly checkpoints: CheckpointService) {}

  // Case ids and hashes only: an auditor copies it to compare later with `verify --against`.
  @Get('latest')
  @ApiOperation({ summary: 'Điểm kiểm mới nhất đã ký / the latest signed audit checkpoint (auditor, admin)' })
  latest(@CurrentCaller() caller: Caller) {
    assertAllowed(caller, 'audit.checkpoints', undefined, () => new IdentityException(IdentityExceptionCode.FORBIDDEN_ROLE));
    return this.checkpoints.latest();
  }
}
