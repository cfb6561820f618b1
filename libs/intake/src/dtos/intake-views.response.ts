import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Challenge } from 'altcha-lib';
import type { BulkCloseAnswer, SkipReason } from '../bulk-triage/bulk-close.dto';
import type { AltchaChallenge } from '../proof-of-work/proof-of-work.service';
import type { PublicIntakeAnswer } from './public-intake.dto';

type Parameters = Challenge['parameters'];
const SKIP_REASONS = Object.keys({
  not_found: 1,
  not_marked: 1,
  not_at_intake: 1,
  changed_meanwhile: 1,
  refused: 1,
} satisfies Record<SkipReason, 1>) as SkipReason[];

export class PublicIntakeAnswerDto implements PublicIntakeAnswer {
  @ApiProperty({ description: 'the code the reporter keeps to follow up' }) trackingCode!: string;
  @ApiProperty() message!: string;
  @ApiProperty() messageEn!: string;
}

export class PublicSchoolDto {
  @ApiProperty({ example: 'DD' }) code!: string;
  @ApiProperty({ example: 'Trường THCS Đống Đa' }) name!: string;
}

export class AltchaChallengeDataDto {
  @ApiProperty({ description: 'Unix seconds' }) expires!: number;
}

export class AltchaParametersDto implements Parameters {
  @ApiProperty({ example: 'PBKDF2/SHA-256' }) algorithm!: string;
  @ApiProperty() nonce!: string;
  @ApiProperty() salt!: string;
  @ApiProperty() cost!: number;
  @ApiProperty() keyLength!: number;
  @ApiProperty({ description: 'the derived key the solution must start with' }) keyPrefix!: string;
  @ApiPropertyOptional() keySignature?: string;
  @ApiPropertyOptional({ type: AltchaChallengeDataDto }) data?: Record<string, string | number | boolean | null>;
}

export class AltchaChallengeDto implements AltchaChallenge {
  @ApiProperty({ type: AltchaParametersDto }) parameters!: AltchaParametersDto;
  @ApiProperty() signature!: string;
}

export class BulkSkippedDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: SKIP_REASONS, enumName: 'BulkSkipReason' }) reason!: SkipReason;
}

export class BulkCloseAnswerDto implements BulkCloseAnswer {
  @ApiProperty({ type: [String], description: 'the cases closed' }) closed!: string[];
  @ApiProperty({ type: [BulkSkippedDto], description: 'the cases named or found and left alone, with why' })
  skipped!: BulkSkippedDto[];
  @ApiProperty({ description: 'marked reports still waiting: call again' }) remaining!: number;
}
