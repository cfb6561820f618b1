export * from './app.exception';
export * from './http-exception.filter';
export * from './validation';
export * from './page-query.dto';
export * from './database-unavailable';
export * from './text-fields';
