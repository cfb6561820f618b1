// "A school of this ward" as a condition on a school id column, with the ward bound by the caller (`:ward` for a
// query builder, `$n` in raw SQL): the SQL of schools stays here, and the case list stays one query.
export const inWardCondition = (schoolIdColumn: string, ward = ':ward'): string =>
  `${schoolIdColumn} IN (SELECT s.id FROM school s WHERE s.ward_id = ${ward})`;
