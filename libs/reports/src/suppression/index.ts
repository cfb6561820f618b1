export * from './suppress-figures';
export * from './suppress-table';
export * from './disclosure';
