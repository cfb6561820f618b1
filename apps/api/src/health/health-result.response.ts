import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { HealthCheckStatus } from '@nestjs/terminus';

// degraded: the server works, but alerts wait to leave longer than OUTBOX_DEGRADED_AFTER_MINUTES.
export type HealthStatus = HealthCheckStatus | 'degraded';
const STATUSES: HealthStatus[] = ['error', 'ok', 'degraded', 'shutting_down'];
// Each check by name: {database: {status: 'up'}}.
const CHECK = { type: 'object', additionalProperties: true, properties: { status: { type: 'string' } } } as const;
const CHECKS = { type: 'object', additionalProperties: CHECK } as const;

// Each check by name with its status (up, down, degraded) and what it measured.
export type HealthChecks = Record<string, { status: string } & Record<string, unknown>>;

export class HealthResultDto {
  @ApiProperty({ enum: STATUSES, enumName: 'HealthStatus' }) status!: HealthStatus;
  @ApiPropertyOptional({ ...CHECKS, description: 'the checks that are up' }) info?: HealthChecks;
  @ApiPropertyOptional({ ...CHECKS, description: 'the checks that are down' }) error?: HealthChecks;
  @ApiProperty({ ...CHECKS, description: 'every check' }) details!: HealthChecks;
}
