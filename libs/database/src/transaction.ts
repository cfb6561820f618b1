import { DataSource, EntityManager } from 'typeorm';

// One transaction per unit of work; writers receive its EntityManager and never open their own,
// so a transition is stored whole or not at all. PostgreSQL's own level (READ COMMITTED): naming it would cost
// a statement per transaction to repeat the default.
export const inTransaction = <T>(source: DataSource, work: (tx: EntityManager) => Promise<T>): Promise<T> =>
  source.transaction(work);
