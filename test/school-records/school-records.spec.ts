import { Client } from 'pg';
import { AdminAuditService } from '@dh/audit';
import { auth, World } from '../support/fixtures';
import {
  activity,
  BODIES,
  facilities,
  ListKind,
  PATHS,
  teamMember,
  training,
  YEAR,
} from '../support/school-records-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

const TABLES: Record<ListKind, string> = {
  team: 'school_team_member',
  activities: 'school_activity',
  training: 'school_training',
};
const EVENTS: Record<ListKind, string> = {
  team: 'SCHOOL_TEAM_MEMBER',
  activities: 'SCHOOL_ACTIVITY',
  training: 'SCHOOL_TRAINING',
};

describe('what a school keeps beside its cases: team, activities, training, facilities', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;
  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w, pg } = world);
  });
  const chain = () => t.app.get(AdminAuditService);
  const lastEvent = async () => (await chain().list()).at(-1);
  // Rows of every table, one query after another on the one connection.
  const counts = async () => {
    const out: number[] = [];
    for (const table of [...Object.values(TABLES), 'school_facilities'])
      out.push(Number((await pg.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n));
    return out;
  };
  const list = async (kind: ListKind, schoolYear = YEAR) =>
    (
      await t
        .http()
        .get(`/api/school-records/${PATHS[kind]}`)
        .query({ schoolId: w.schoolA, schoolYear })
        .set(auth(w.users.counsellorA))
        .expect(200)
    ).body.items;

  it.each(Object.keys(PATHS) as ListKind[])(
    '%s: created, listed, replaced and removed, each change an event of the admin chain',
    async (kind) => {
      const keeper = auth(w.users.supervisorA);
      const path = `/api/school-records/${PATHS[kind]}`;
      const sent = BODIES[kind]();
      const created = await t
        .http()
        .post(path)
        .set(keeper)
        .send({ schoolId: w.schoolA, schoolYear: YEAR, ...sent })
        .expect(201);
      const { id, updatedAt: _u, ...stored } = created.body;
      const expected = kind === 'activities' ? { ...sent, grades: [6, 7] } : sent;
      expect(stored).toEqual({ schoolId: w.schoolA, schoolYear: YEAR, ...expected });
      expect(await list(kind)).toEqual([created.body]);
      // Another year's list is another list.
      expect(await list(kind, '2026-2027')).toEqual([]);
      expect(await lastEvent()).toMatchObject({
        type: `${EVENTS[kind]}_CREATED`,
        actorId: w.users.supervisorA.id,
        actorRole: 'supervisor',
        subjectId: id,
        payload: { recordId: id, schoolId: w.schoolA, schoolYear: YEAR, after: expected },
      });

      const changed = kind === 'activities' ? { participants: 200, girls: 101 } : { fullName: 'Lê Văn Bình' };
      const replaced = await t
        .http()
        .put(`${path}/${id}`)
        .set(auth(w.users.principalA))
        .send({ ...sent, ...changed })
        .expect(200);
      expect(replaced.body).toMatchObject({ id, schoolId: w.schoolA, schoolYear: YEAR, ...changed });
      expect(await list(kind)).toEqual([replaced.body]);
      expect(await lastEvent()).toMatchObject({
        type: `${EVENTS[kind]}_UPDATED`,
        actorRole: 'principal',
        payload: { before: expected, after: { ...expected, ...changed } },
      });

      await t.http().delete(`${path}/${id}`).set(keeper).expect(204);
      expect(await list(kind)).toEqual([]);
      expect(await lastEvent()).toMatchObject({ type: `${EVENTS[kind]}_DELETED`, subjectId: id });
      await t.http().delete(`${path}/${id}`).set(keeper).expect(404);
      expect(await chain().verify()).toMatchObject({ valid: true });
    },
  );

  it('facilities: nothing recorded reads as absent; a replacement is stored and is an event, the same one again is not', async () => {
    const path = '/api/school-records/facilities';
    const query = { schoolId: w.schoolA, schoolYear: YEAR };
    const empty = await t.http().get(path).query(query).set(auth(w.users.counsellorA)).expect(200);
    expect(empty.body).toEqual({
      ...query,
      counsellingRoom: false,
      roomPrivate: false,
      onlineChannels: [],
      note: null,
      updatedAt: null,
    });
    const events = (await chain().list()).length;
    const set = await t
      .http()
      .put(path)
      .set(auth(w.users.principalA))
      .send({ ...query, ...facilities() })
      .expect(200);
    // The channels in the list's order, whatever order they came in.
    expect(set.body).toMatchObject({ ...query, ...facilities(), onlineChannels: ['email', 'zalo'] });
    expect((await t.http().get(path).query(query).set(auth(w.users.wardW)).expect(200)).body).toEqual(set.body);
    expect(await lastEvent()).toMatchObject({
      type: 'SCHOOL_FACILITIES_SET',
      actorRole: 'principal',
      subjectId: w.schoolA,
      payload: { ...query, after: { ...facilities(), onlineChannels: ['email', 'zalo'] } },
    });
    await t
      .http()
      .put(path)
      .set(auth(w.users.supervisorA))
      .send({ ...query, ...facilities({ onlineChannels: ['email', 'zalo'] }) })
      .expect(200);
    expect((await chain().list()).length).toBe(events + 1);
    await t
      .http()
      .put(path)
      .set(auth(w.users.supervisorA))
      .send({ ...query, ...facilities({ counsellingRoom: false, roomPrivate: false, onlineChannels: [] }) })
      .expect(200);
    expect(await lastEvent()).toMatchObject({
      type: 'SCHOOL_FACILITIES_SET',
      payload: { before: { counsellingRoom: true }, after: { counsellingRoom: false, onlineChannels: [] } },
    });
    expect(await chain().verify()).toMatchObject({ valid: true });
  });

  it('a team member or a trainee may be an account of the school, not of another school', async () => {
    const path = '/api/school-records/team';
    const keeper = auth(w.users.supervisorA);
    const own = await t
      .http()
      .post(path)
      .set(keeper)
      .send({ schoolId: w.schoolA, schoolYear: YEAR, ...teamMember({ userId: w.users.counsellorA.id }) })
      .expect(201);
    expect(own.body.userId).toBe(w.users.counsellorA.id);
    for (const userId of [w.users.counsellorB.id, w.users.wardW.id, '00000000-0000-4000-8000-000000000000']) {
      const refused = await t
        .http()
        .post('/api/school-records/training')
        .set(keeper)
        .send({ schoolId: w.schoolA, schoolYear: YEAR, ...training({ userId }) })
        .expect(400);
      expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual(['userId']);
    }
    await t.http().delete(`${path}/${own.body.id}`).set(keeper).expect(204);
  });

  // Each bad body: the fields the 400 names. Nothing is stored and the chain does not move.
  const BAD: [ListKind | 'facilities', string, Record<string, unknown>, string[]][] = [
    [
      'team',
      'a blank name, an unknown role, job and employment',
      teamMember({ fullName: '  ', teamRole: 'pho', job: 'bao_ve', employment: 'x' }),
      ['fullName', 'teamRole', 'employment', 'job'],
    ],
    ['team', 'a date before the school year opens', teamMember({ fromDate: '2025-09-04' }), ['fromDate']],
    ['team', 'an end after the school year', teamMember({ toDate: '2026-09-05' }), ['toDate']],
    ['team', 'an end before the start', teamMember({ fromDate: '2025-12-01', toDate: '2025-11-30' }), ['toDate']],
    ['team', 'a date that does not exist', teamMember({ fromDate: '2026-02-30' }), ['fromDate']],
    ['team', 'an unknown field', teamMember({ email: 'x@y.vn' }), ['email']],
    ['activities', 'more girls than participants', activity({ participants: 10, girls: 11 }), ['girls']],
    ['activities', 'no audience at all', activity({ grades: [], parents: false, teachers: false }), ['grades']],
    [
      'activities',
      'grade 13, an unknown area and kind, no title',
      activity({ grades: [13], areas: ['bong_da'], kind: 'hoi_thao', name: '' }),
      ['kind', 'name', 'areas', 'grades'],
    ],
    [
      'activities',
      'no area and negative counts',
      activity({ areas: [], participants: -1, girls: -2 }),
      ['areas', 'participants', 'girls'],
    ],
    ['activities', 'a date outside the year', activity({ date: '2026-09-05' }), ['date']],
    ['training', 'no hours', training({ durationHours: 0 }), ['durationHours']],
    ['training', 'more than 1000 hours', training({ durationHours: 1000.5 }), ['durationHours']],
    ['training', 'hundredths of an hour', training({ durationHours: 2.25 }), ['durationHours']],
    [
      'training',
      'a blank course and organiser, no certificate answer',
      training({ course: '', organiser: ' ', certificate: 'có' }),
      ['course', 'organiser', 'certificate'],
    ],
    ['training', 'an end before the start', training({ toDate: '2025-11-02' }), ['toDate']],
    ['facilities', 'a private room without a room', facilities({ counsellingRoom: false }), ['roomPrivate']],
    [
      'facilities',
      'an unknown channel, twice',
      facilities({ onlineChannels: ['fax', 'zalo', 'zalo'] }),
      ['onlineChannels'],
    ],
  ];

  it.each(BAD)('%s refuses %s with a 400 naming the fields, and stores nothing', async (kind, _what, body, fields) => {
    const before = {
      events: (await chain().list()).length,
      rows: await counts(),
    };
    const res =
      kind === 'facilities'
        ? await t
            .http()
            .put('/api/school-records/facilities')
            .set(auth(w.users.supervisorA))
            .send({ schoolId: w.schoolA, schoolYear: YEAR, ...body })
        : await t
            .http()
            .post(`/api/school-records/${PATHS[kind]}`)
            .set(auth(w.users.supervisorA))
            .send({ schoolId: w.schoolA, schoolYear: YEAR, ...body });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(
      [...new Set(res.body.details.map((d: { field: string }) => d.field.replace(/\[\d+\]$/, '')))].sort(),
    ).toEqual([...fields].sort());
    for (const d of res.body.details as { label: string; problems: string[] }[]) {
      expect(d.label).not.toBe('');
      for (const p of d.problems) expect(p).toMatch(/ \/ /);
    }
    expect({
      events: (await chain().list()).length,
      rows: await counts(),
    }).toEqual(before);
  });

  it('refuses a bad school year and a replacement that breaks a rule, changing nothing', async () => {
    for (const schoolYear of ['2025-2027', '2025', '25-26', '2025-2026 ']) {
      const res = await t
        .http()
        .get('/api/school-records/team')
        .query({ schoolId: w.schoolA, schoolYear })
        .set(auth(w.users.supervisorA))
        .expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['schoolYear']);
    }
    const created = (
      await t
        .http()
        .post('/api/school-records/activities')
        .set(auth(w.users.supervisorA))
        .send({ schoolId: w.schoolA, schoolYear: YEAR, ...activity() })
        .expect(201)
    ).body;
    const events = (await chain().list()).length;
    // The year of the row holds: a date of another year is refused on an update too.
    const res = await t
      .http()
      .put(`/api/school-records/activities/${created.id}`)
      .set(auth(w.users.supervisorA))
      .send(activity({ date: '2026-10-01', girls: 500 }))
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['date', 'girls']);
    expect(await list('activities')).toEqual([created]);
    expect((await chain().list()).length).toBe(events);
    await t.http().delete(`/api/school-records/activities/${created.id}`).set(auth(w.users.supervisorA)).expect(204);
  });
});
