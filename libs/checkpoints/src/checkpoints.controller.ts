import { Controller, Get } from '@nestjs/common';

import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Permission } from '@dh/identity';
import { ApiErrors } from '@dh/errors';

import { CheckpointException, CheckpointExceptionCode } from './checkpoint.exception';

import { CheckpointService } from './checkpoint.service';

import { CheckpointDocumentDto } from './dtos/checkpoint-document.response';

const { NO_CHECKPOINT } = CheckpointExceptionCode;

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/checkpoints')
export class CheckpointsController {
  constructor(private readonly checkpoints: CheckpointService) {}

  // Case ids and hashes only: an auditor copies it to compare later with `verify --against`.
  @Permission('audit.checkpoints')
  @Get('latest')
  @ApiOperation({ summary: 'Điểm kiểm mới nhất đã ký / the latest signed audit checkpoint (auditor, admin)' })
  @ApiOkResponse({ type: CheckpointDocumentDto })
  @ApiErrors(CheckpointException.statuses, NO_CHECKPOINT)
  latest() {
    return this.checkpoints.latest();
  }
}
