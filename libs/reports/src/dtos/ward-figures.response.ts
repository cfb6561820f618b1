import { ApiProperty } from '@nestjs/swagger';
import type { Breakdown, Cell, SchoolCaseFigures, WardCaseFigures } from '../ward-figures.service';

type OpenFigures = SchoolCaseFigures['open'];

// A count, or "<5" where one to four learners could be told apart or where such a cell could be worked out from
// this one and the total (the ward's view).
const CELL = { oneOf: [{ type: 'integer' }, { type: 'string', enum: ['<5'] }] };
const BREAKDOWN = { type: 'object', additionalProperties: CELL } as const;

export class OpenCaseFiguresDto implements OpenFigures {
  @ApiProperty(CELL) total!: Cell;
  @ApiProperty({ ...BREAKDOWN, description: 'by stage' }) byStage!: Breakdown;
  @ApiProperty({ ...BREAKDOWN, description: 'by risk level' }) byRisk!: Breakdown;
  @ApiProperty({ ...BREAKDOWN, description: 'by area of support' }) byArea!: Breakdown;
  @ApiProperty({ ...BREAKDOWN, description: 'by how the case reached the school' }) byChannel!: Breakdown;
}

export class SchoolCaseFiguresDto implements SchoolCaseFigures {
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({
    description:
      'cells of one to four learners shown as "<5"; a "<5" may also be a larger complementary cell, hidden so that no small cell can be worked out by subtraction from the open total',
  })
  masked!: boolean;
  @ApiProperty({ type: OpenCaseFiguresDto }) open!: OpenCaseFiguresDto;
  @ApiProperty(CELL) closedThisSchoolYear!: Cell;
}

export class WardCaseFiguresDto implements WardCaseFigures {
  @ApiProperty({ example: '2025-2026' }) schoolYear!: string;
  @ApiProperty({ format: 'date-time', description: 'the school year’s start' }) from!: string;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: [SchoolCaseFiguresDto] }) schools!: SchoolCaseFiguresDto[];
}
