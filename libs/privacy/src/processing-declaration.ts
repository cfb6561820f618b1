// Words a person reads, Vietnamese first.
export type Words = { vi: string; en: string };

// One purpose a module processes personal data for, as Law 91/2025/QH15 and Decree 356/2025/NĐ-CP ask a controller
// to record it: which data about whom, why, on what legal basis, who receives it and how long it is kept.
export type ProcessingActivity = {
  id: string;
  purpose: Words;
  legalBasis: readonly Words[];
  subjects: readonly Words[];
  // `sensitive`: sensitive personal data in the Law's sense (health, family life, abuse, a child's private life).
  categories: readonly { data: Words; sensitive?: boolean }[];
  // The tables the module keeps this data in; what is sealed in them comes from the SealedRegistry.
  tables: readonly string[];
  recipients: readonly Words[];
  // Either the kinds of record of the retention policy (config/retention.json) or the rule in words.
  retention: { kinds: readonly string[] } | { rule: Words };
};

// A table that holds no personal data, and why: declared so that every table is accounted for.
export type NotPersonal = { table: string; why: Words };

export type ProcessingDeclaration = {
  activities?: readonly ProcessingActivity[];
  notPersonal?: readonly NotPersonal[];
};

const PROCESSING = Symbol('dh:processing');

// On a Nest module: what it processes. The record of processing is built from these at boot, and the boot fails
// when a table of the schema is declared by no module, so a new module cannot be left out of the record.
export const DeclaresProcessing =
  (declaration: ProcessingDeclaration): ClassDecorator =>
  (target) => {
    Reflect.defineMetadata(PROCESSING, declaration, target);
  };

export const processingDeclaredBy = (moduleClass: object): ProcessingDeclaration | undefined =>
  Reflect.getMetadata(PROCESSING, moduleClass) as ProcessingDeclaration | undefined;
