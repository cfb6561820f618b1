import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ChainCheck, ChainFinding } from '@dh/audit';
import type { ChronologyAttachment, ChronologyEntry, ChronologyKind } from '../chronology/chronology-entries';
import type { ReporterField } from '../confidential/confidential-fields';
import type { toHistoryItem } from '../history-item';

const CHAIN_CHECKS = Object.keys({
  sequence: 1,
  link: 1,
  hash: 1,
  case_missing: 1,
  chain_empty: 1,
  state_continuity: 1,
  case_state: 1,
  case_version: 1,
  case_head: 1,
  checkpoint: 1,
} satisfies Record<ChainCheck, 1>) as ChainCheck[];

const CHRONOLOGY_KINDS = Object.keys({
  case: 1,
  stage: 1,
  assignment: 1,
  risk: 1,
  note: 1,
  session: 1,
  family_contact: 1,
  follow_up: 1,
  referral: 1,
  consent: 1,
  protection: 1,
  clock: 1,
  alert: 1,
  learner: 1,
  access: 1,
  attachment: 1,
  other: 1,
} satisfies Record<ChronologyKind, 1>) as ChronologyKind[];

export class HistoryItemDto implements ReturnType<typeof toHistoryItem> {
  @ApiProperty() seq!: number;
  @ApiProperty({ example: 'START_ASSESSMENT' }) type!: string;
  @ApiProperty({ type: String, nullable: true }) fromState!: string | null;
  @ApiProperty({ type: String, nullable: true }) toState!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorRole!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the actor’s full name; null for the system or the public',
  })
  actorName!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'the event’s payload; confidential fields left out where masked',
  })
  payload!: Record<string, unknown>;
  @ApiProperty({ type: [String], description: 'the payload fields left out for this caller' }) masked!: string[];
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, nullable: true }) prevHash!: string | null;
  @ApiProperty() hash!: string;
}

export class BilingualLabelDto {
  @ApiProperty() vi!: string;
  @ApiProperty() en!: string;
}

export class ChronologyActorDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) id!: string | null;
  @ApiProperty({ type: String, nullable: true }) fullName!: string | null;
  @ApiProperty({ type: String, nullable: true }) role!: string | null;
}

export class ChronologyAttachmentDto implements ChronologyAttachment {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'the file’s kind, recognised from its bytes (pdf, jpeg, png, heic, docx)' })
  kind!: string;
  @ApiProperty({ format: 'date-time' }) attachedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) withdrawnAt!: string | null;
}

export class ChronologyEntryDto implements ChronologyEntry {
  @ApiProperty() seq!: number;
  @ApiProperty({ format: 'date-time', description: 'when the thing itself happened' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ enum: CHRONOLOGY_KINDS, enumName: 'ChronologyKind' }) kind!: ChronologyKind;
  @ApiProperty() type!: string;
  @ApiProperty({ type: BilingualLabelDto }) label!: BilingualLabelDto;
  @ApiProperty({ type: String, nullable: true }) fromState!: string | null;
  @ApiProperty({ type: String, nullable: true }) toState!: string | null;
  @ApiProperty({ type: ChronologyActorDto }) actor!: ChronologyActorDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'what the event says that is not confidential',
  })
  details!: Record<string, unknown>;
  @ApiProperty({ type: [ChronologyAttachmentDto], description: 'the files attached to the record this entry wrote' })
  attachments!: ChronologyAttachmentDto[];
}

export class ChainFindingDto implements ChainFinding {
  @ApiProperty({ enum: CHAIN_CHECKS, enumName: 'ChainCheck' }) check!: ChainCheck;
  @ApiPropertyOptional() seq?: number;
  @ApiPropertyOptional({ description: 'what the check expected (a hash, a state, a number)' }) expected?: unknown;
  @ApiPropertyOptional() found?: unknown;
  @ApiProperty() message!: string;
  @ApiProperty() messageEn!: string;
}

export class ChainVerdictDto {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ description: 'events in the chain' }) events!: number;
  @ApiPropertyOptional({ description: 'when not valid: the first event found wrong, if any' }) firstInvalidSeq?: number;
  @ApiPropertyOptional({ type: [ChainFindingDto], description: 'when not valid' }) findings?: ChainFindingDto[];
}

export class ReporterViewDto implements Record<ReporterField, string | null> {
  @ApiProperty() anonymous!: boolean;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) relationship!: string | null;
  @ApiProperty({ type: String, nullable: true }) contact!: string | null;
}

export class ReporterAnswerDto {
  @ApiProperty({ type: ReporterViewDto, nullable: true, description: 'null: no reporter recorded' })
  reporter!: ReporterViewDto | null;
}
