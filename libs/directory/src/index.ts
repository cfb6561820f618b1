export * from './directory.module';
export * from './directory.exception';
export * from './directory-seed.service';
export * from './directory.service';
export * from './provider-fields';
export * from './service-provider.entity';
export * from './dtos/provider-view.response';
