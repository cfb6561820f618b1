export * from './demo-data';
export * from './demo-seed.service';
export * from './demo.module';
