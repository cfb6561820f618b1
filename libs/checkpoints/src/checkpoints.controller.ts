import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@dh/identity';
import { CheckpointService } from './checkpoint.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/checkpoints')
export class CheckpointsController {
  constructor(private readonly checkpoints: CheckpointService) {}

  // Case ids and hashes only: an auditor copies it to compare later with `verify --against`.
  @Permission('audit.checkpoints')
  @Get('latest')
  @ApiOperation({ summary: 'Điểm kiểm mới nhất đã ký / the latest signed audit checkpoint (auditor, admin)' })
  latest() {
    return this.checkpoints.latest();
  }
}
