export * from './field-labels';
