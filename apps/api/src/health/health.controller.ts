import { Controller, Get, HttpStatus, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@dh/errors';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DeliveryHealth } from '@dh/delivery';
import { Public } from '@dh/identity';
import { HealthResultDto } from './health-result.response';
import { HealthExceptionCode, unhealthy } from './health.exception';

const { UNHEALTHY } = HealthExceptionCode;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly outbox: DeliveryHealth,
  ) {}

  @Public()
  @Get()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    summary:
      'Tình trạng hệ thống / liveness, database readiness and the alert outbox (degraded, not down, when messages wait too long)',
  })
  @ApiOkResponse({ type: HealthResultDto })
  @ApiErrors({ [HealthExceptionCode.UNHEALTHY]: HttpStatus.SERVICE_UNAVAILABLE }, UNHEALTHY)
  async check(): Promise<HealthResultDto> {
    let result: HealthCheckResult;
    try {
      result = await this.health.check([() => this.db.pingCheck('database', { timeout: 3000 })]);
    } catch (e) {
      // Terminus fails with its result as the response; the global filter would keep only a generic message.
      if (!(e instanceof ServiceUnavailableException)) throw e;
      const failed = e.getResponse() as Partial<HealthCheckResult>;
      throw unhealthy(failed.details ?? {});
    }
    // Late mail is not a dead server: the answer stays 200 and says degraded, for the operator's monitoring.
    const outbox = await this.outbox.check();
    return {
      status: outbox.status === 'degraded' ? 'degraded' : result.status,
      info: { ...result.info, outbox },
      details: { ...result.details, outbox },
    };
  }
}
