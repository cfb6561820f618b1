export * from './breach.entity';
export * from './breach-clock';
export * from './breaches.exception';
export * from './breaches.module';
export * from './breaches.service';
