import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { HealthCheckResult, HealthCheckStatus, HealthIndicatorResult } from '@nestjs/terminus';

const STATUSES: HealthCheckStatus[] = ['error', 'ok', 'shutting_down'];
// Each check by name: {database: {status: 'up'}}.
const CHECK = { type: 'object', additionalProperties: true, properties: { status: { type: 'string' } } } as const;
const CHECKS = { type: 'object', additionalProperties: CHECK } as const;

export class HealthResultDto implements HealthCheckResult {
  @ApiProperty({ enum: STATUSES, enumName: 'HealthStatus' }) status!: HealthCheckStatus;
  @ApiPropertyOptional({ ...CHECKS, description: 'the checks that are up' }) info?: HealthIndicatorResult;
  @ApiPropertyOptional({ ...CHECKS, description: 'the checks that are down' }) error?: HealthIndicatorResult;
  @ApiProperty({ ...CHECKS, description: 'every check' }) details!: HealthIndicatorResult;
}
