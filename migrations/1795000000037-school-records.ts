import { MigrationInterface, QueryRunner } from 'typeorm';

// A school year as the schools write it, "2026-2027": two years, the second the first plus one.
const SCHOOL_YEAR = `school_year text NOT NULL CHECK (school_year ~ '^[0-9]{4}-[0-9]{4}$' AND right(school_year, 4)::int = left(school_year, 4)::int + 1)`;

// What a school keeps beside its cases, per school year (issue 17): its counselling team, its prevention and
// communication activities, its staff's training and its facilities. Nothing here is about a learner; the
// reports count these rows.
export class SchoolRecords1795000000037 implements MigrationInterface {
  name = 'SchoolRecords1795000000037';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE school_team_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        school_id uuid NOT NULL REFERENCES school(id),
        ${SCHOOL_YEAR},
        full_name text NOT NULL CHECK (full_name ~ '\\S'),
        user_id uuid REFERENCES app_user(id),
        team_role text NOT NULL CHECK (team_role IN ('to_truong','thanh_vien')),
        employment text NOT NULL CHECK (employment IN ('chuyen_trach','kiem_nhiem')),
        job text NOT NULL CHECK (job IN ('lanh_dao_truong','giao_vien','nhan_vien_tam_ly','nhan_vien_ctxh','tong_phu_trach_doi','bi_thu_doan','can_bo_y_te','khac')),
        from_date date NOT NULL,
        to_date date CHECK (to_date >= from_date),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX school_team_member_year_idx ON school_team_member (school_id, school_year)`);
    await q.query(`
      CREATE TABLE school_activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        school_id uuid NOT NULL REFERENCES school(id),
        ${SCHOOL_YEAR},
        date date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('chuyen_de','toa_dam','cau_lac_bo','ngoai_khoa','sinh_hoat_duoi_co','sinh_hoat_lop','truyen_thong_truc_tuyen','tap_huan_cha_me','khac')),
        name text NOT NULL CHECK (name ~ '\\S'),
        areas text[] NOT NULL CHECK (cardinality(areas) > 0 AND areas <@ ARRAY['hoc_tap','gioi_quan_he','tam_ly','ky_nang_song','huong_nghiep','chinh_sach_phap_luat','dich_vu_ctxh']::text[]),
        grades int[] NOT NULL CHECK (grades <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12]),
        parents boolean NOT NULL,
        teachers boolean NOT NULL,
        participants int NOT NULL CHECK (participants >= 0),
        girls int NOT NULL CHECK (girls >= 0 AND girls <= participants),
        partners text,
        note text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK (cardinality(grades) > 0 OR parents OR teachers)
      )`);
    await q.query(`CREATE INDEX school_activity_year_idx ON school_activity (school_id, school_year, date)`);
    await q.query(`
      CREATE TABLE school_training (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        school_id uuid NOT NULL REFERENCES school(id),
        ${SCHOOL_YEAR},
        full_name text NOT NULL CHECK (full_name ~ '\\S'),
        user_id uuid REFERENCES app_user(id),
        course text NOT NULL CHECK (course ~ '\\S'),
        organiser text NOT NULL CHECK (organiser ~ '\\S'),
        duration_hours numeric(5,1) NOT NULL CHECK (duration_hours > 0 AND duration_hours <= 1000),
        from_date date NOT NULL,
        to_date date CHECK (to_date >= from_date),
        certificate boolean NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX school_training_year_idx ON school_training (school_id, school_year, from_date)`);
    await q.query(`
      CREATE TABLE school_facilities (
        school_id uuid NOT NULL REFERENCES school(id),
        ${SCHOOL_YEAR},
        counselling_room boolean NOT NULL,
        room_private boolean NOT NULL CHECK (counselling_room OR NOT room_private),
        online_channels text[] NOT NULL CHECK (online_channels <@ ARRAY['website','email','hotline','zalo','mailbox']::text[]),
        note text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (school_id, school_year)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE school_facilities`);
    await q.query(`DROP TABLE school_training`);
    await q.query(`DROP TABLE school_activity`);
    await q.query(`DROP TABLE school_team_member`);
  }
}
