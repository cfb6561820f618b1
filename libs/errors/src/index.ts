export * from './app.exception';
export * from './http-exception.filter';
export * from './validation';
export * from './json-body';
export * from './json-limits';
export * from './page-query.dto';
export * from './database-unavailable';
export * from './text-fields';
