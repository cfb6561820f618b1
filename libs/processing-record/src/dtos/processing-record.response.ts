import { ApiProperty } from '@nestjs/swagger';
import type { ProcessingRecord, ProcessingRecordActivity } from '../processing-record.service';

export class WordsDto {
  @ApiProperty() vi!: string;
  @ApiProperty() en!: string;
}

export class DataCategoryDto {
  @ApiProperty({ type: WordsDto }) data!: WordsDto;
  @ApiProperty({ description: 'sensitive personal data in the sense of Law 91/2025/QH15' }) sensitive!: boolean;
}

export class StoredInDto {
  @ApiProperty() table!: string;
  @ApiProperty({ type: [String] }) sealedColumns!: string[];
  @ApiProperty({ enum: ['case_key', 'shared_key'], enumName: 'SealedUnder', nullable: true })
  sealedUnder!: 'case_key' | 'shared_key' | null;
}

export class RetentionPeriodDto {
  @ApiProperty() kind!: string;
  @ApiProperty() years!: number;
  @ApiProperty({ enum: ['school_choice', 'law'], enumName: 'RetentionBasis' }) basis!: 'school_choice' | 'law';
  @ApiProperty() note!: string;
}

export class KeptForDto {
  @ApiProperty({ type: WordsDto }) rule!: WordsDto;
  @ApiProperty({ type: [RetentionPeriodDto] }) periods!: RetentionPeriodDto[];
}

export class ProcessingActivityDto implements ProcessingRecordActivity {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'the module that declares it' }) module!: string;
  @ApiProperty({ type: WordsDto }) purpose!: WordsDto;
  @ApiProperty({ type: [WordsDto] }) legalBasis!: WordsDto[];
  @ApiProperty({ type: [WordsDto] }) subjects!: WordsDto[];
  @ApiProperty({ type: [DataCategoryDto] }) categories!: DataCategoryDto[];
  @ApiProperty({ type: [StoredInDto] }) storedIn!: StoredInDto[];
  @ApiProperty({ type: [WordsDto] }) recipients!: WordsDto[];
  @ApiProperty({ type: KeptForDto }) retention!: KeptForDto;
}

export class SealedEventFieldsDto {
  @ApiProperty() eventType!: string;
  @ApiProperty({ type: [String] }) fields!: string[];
}

export class NotPersonalTableDto {
  @ApiProperty() table!: string;
  @ApiProperty({ type: WordsDto }) why!: WordsDto;
  @ApiProperty() module!: string;
}

export class ProcessingRecordDto implements ProcessingRecord {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: WordsDto }) transfersAbroad!: WordsDto;
  @ApiProperty({ type: [SealedEventFieldsDto], description: 'the trail’s payload fields sealed per event type' })
  sealedEventFields!: SealedEventFieldsDto[];
  @ApiProperty({ type: [ProcessingActivityDto] }) activities!: ProcessingActivityDto[];
  @ApiProperty({ type: [NotPersonalTableDto] }) notPersonal!: NotPersonalTableDto[];
}
