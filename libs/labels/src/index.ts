export * from './field-labels';
export * from './vietnamese-name';
