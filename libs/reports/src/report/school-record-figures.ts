import { EntityManager } from 'typeorm';
import { ACTIVITY_KINDS, ActivityKind } from '@dh/school-records';

export type ActivityCounts = { count: number; participants: number; girls: number };

// What the school keeps beside its cases, counted for a report: nothing about a learner.
export type SchoolRecordFigures = {
  activities: ActivityCounts & { byKind: Record<ActivityKind, ActivityCounts> };
  training: { people: number; courses: number; hours: number };
  team: { fullTime: number; partTime: number };
  facilities: { counsellingRoom: boolean; roomPrivate: boolean; onlineChannels: string[] } | null;
};

// The local days `from` to `to` (both included) of one school year.
export const schoolRecordFigures = async (
  tx: EntityManager,
  schoolId: string,
  schoolYear: string,
  from: string,
  to: string,
): Promise<SchoolRecordFigures> => {
  const p = [schoolId, schoolYear, from, to];
  const activities: { kind: ActivityKind; count: number; participants: number; girls: number }[] = await tx.query(
    `SELECT kind, count(*)::int AS count, sum(participants)::int AS participants, sum(girls)::int AS girls
       FROM school_activity WHERE school_id = $1 AND school_year = $2 AND date BETWEEN $3 AND $4 GROUP BY kind`,
    p,
  );
  const [training]: { people: number; courses: number; hours: string | null }[] = await tx.query(
    `SELECT count(DISTINCT coalesce(user_id::text, lower(full_name)))::int AS people, count(*)::int AS courses,
            sum(duration_hours)::text AS hours
       FROM school_training WHERE school_id = $1 AND school_year = $2 AND from_date BETWEEN $3 AND $4`,
    p,
  );
  // Members of the team at the period's end.
  const [team]: { full_time: number; part_time: number }[] = await tx.query(
    `SELECT count(*) FILTER (WHERE employment = 'chuyen_trach')::int AS full_time,
            count(*) FILTER (WHERE employment = 'kiem_nhiem')::int AS part_time
       FROM school_team_member WHERE school_id = $1 AND school_year = $2 AND from_date <= $4
        AND (to_date IS NULL OR to_date >= $4) AND $3::date <= $4::date`,
    p,
  );
  const [facilities]: { counselling_room: boolean; room_private: boolean; online_channels: string[] }[] =
    await tx.query(
      `SELECT counselling_room, room_private, online_channels FROM school_facilities WHERE school_id = $1 AND school_year = $2`,
      [schoolId, schoolYear],
    );
  const zero = (): ActivityCounts => ({ count: 0, participants: 0, girls: 0 });
  const byKind = Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, zero()])) as Record<ActivityKind, ActivityCounts>;
  for (const a of activities) byKind[a.kind] = { count: a.count, participants: a.participants, girls: a.girls };
  const sum = (f: keyof ActivityCounts) => activities.reduce((n, a) => n + a[f], 0);
  return {
    activities: { count: sum('count'), participants: sum('participants'), girls: sum('girls'), byKind },
    training: { people: training.people, courses: training.courses, hours: Number(training.hours ?? 0) },
    team: { fullTime: team.full_time, partTime: team.part_time },
    facilities: facilities
      ? {
          counsellingRoom: facilities.counselling_room,
          roomPrivate: facilities.room_private,
          onlineChannels: facilities.online_channels,
        }
      : null,
  };
};
