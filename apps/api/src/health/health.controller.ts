import { Controller, Get, HttpStatus, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@dh/errors';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
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
  ) {}

  @Public()
  @Get()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: 'Tình trạng hệ thống / liveness and database readiness' })
  @ApiOkResponse({ type: HealthResultDto })
  @ApiErrors({ [HealthExceptionCode.UNHEALTHY]: HttpStatus.SERVICE_UNAVAILABLE }, UNHEALTHY)
  async check(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.db.pingCheck('database', { timeout: 3000 })]);
    } catch (e) {
      // Terminus fails with its result as the response; the global filter would keep only a generic message.
      if (!(e instanceof ServiceUnavailableException)) throw e;
      const result = e.getResponse() as Partial<HealthCheckResult>;
      throw unhealthy(result.details ?? {});
    }
  }
}
