export * from './field-labels';
export * from './vietnamese-name';
export * from './alert-level-labels';
