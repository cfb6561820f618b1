// "A school of this ward" as a condition on a school id column, with `:ward` bound by the caller: the SQL of
// schools stays here, and the case list stays one query.
export const inWardCondition = (schoolIdColumn: string): string =>
  `${schoolIdColumn} IN (SELECT s.id FROM school s WHERE s.ward_id = :ward)`;
