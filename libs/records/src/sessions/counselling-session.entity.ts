import { Column, Entity } from 'typeorm';
import type { RankedArea } from '@dh/cases';
import { CaseRecordBase } from '../case-records/case-record-base';

export const SESSION_MODES = ['truc_tiep', 'truc_tuyen'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];
// The channel of an online session: phone, Zalo, a video call, text messages, another.
export const SESSION_CHANNELS = ['dien_thoai', 'zalo', 'video', 'tin_nhan', 'khac'] as const;
export type SessionChannel = (typeof SESSION_CHANNELS)[number];
// How a session ends (Mẫu 02): stop and monitor, more sessions, refer to ___.
export const SESSION_ENDINGS = ['dung_va_theo_doi', 'tiep_tuc', 'chuyen_gui'] as const;
export type SessionEnding = (typeof SESSION_ENDINGS)[number];

// One counselling session (SESSION_RECORDED). place, evaluation and refer_to sealed; methods a sealed JSON list.
@Entity('counselling_session')
export class CounsellingSession extends CaseRecordBase {
  @Column('text')
  mode!: SessionMode;

  @Column('text', { nullable: true })
  place!: string | null;

  @Column('text', { nullable: true })
  channel!: SessionChannel | null;

  @Column('timestamptz', { name: 'started_at' })
  startedAt!: Date;

  @Column('int')
  minutes!: number;

  @Column('text')
  methods!: string;

  @Column('text')
  evaluation!: string;

  @Column('text')
  ending!: SessionEnding;

  @Column('text', { name: 'refer_to', nullable: true })
  referTo!: string | null;

  @Column('timestamptz', { name: 'next_appointment', nullable: true })
  nextAppointment!: Date | null;

  @Column('jsonb', { nullable: true })
  areas!: RankedArea[] | null;
}
