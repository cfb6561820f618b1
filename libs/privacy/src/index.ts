export * from './processing-declaration';
export * from './processing-words';
