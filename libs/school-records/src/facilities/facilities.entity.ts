import { Column, Entity, PrimaryColumn } from 'typeorm';

// Where a learner can reach the team other than in the counselling room.
export const ONLINE_CHANNELS = ['website', 'email', 'hotline', 'zalo', 'mailbox'] as const;
export type OnlineChannel = (typeof ONLINE_CHANNELS)[number];

// A school's facilities for counselling in one school year (cơ sở vật chất): one row, replaced as a whole.
@Entity('school_facilities')
export class Facilities {
  @PrimaryColumn('uuid', { name: 'school_id' })
  schoolId!: string;

  @PrimaryColumn('text', { name: 'school_year' })
  schoolYear!: string;

  @Column('boolean', { name: 'counselling_room' })
  counsellingRoom!: boolean;

  // The room is private and quiet; only with a room.
  @Column('boolean', { name: 'room_private' })
  roomPrivate!: boolean;

  @Column('text', { name: 'online_channels', array: true })
  onlineChannels!: OnlineChannel[];

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
