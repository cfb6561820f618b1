import { Column, Entity, PrimaryColumn } from 'typeorm';

export const CALENDAR_DAY_KINDS = ['day_off', 'working_day'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

// A year whose calendar is kept in the app: its days, even none, replace the HOLIDAYS_DIR file's.
@Entity('calendar_year')
export class CalendarYear {
  @PrimaryColumn('int')
  year!: number;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

// A weekday off or a weekend day worked, with the decision that set it.
@Entity('calendar_day')
export class CalendarDay {
  @PrimaryColumn('date')
  date!: string;

  @Column('int')
  year!: number;

  @Column('text')
  kind!: CalendarDayKind;

  @Column('text')
  name!: string;

  @Column('text', { name: 'decision_number' })
  decisionNumber!: string;

  @Column('date', { name: 'decision_date' })
  decisionDate!: string;
}
