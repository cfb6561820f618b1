export * from './records.module';
export * from './directory/directory.exception';
export * from './directory/directory-seed.service';
export * from './directory/directory.service';
export * from './directory/provider-fields';
export * from './directory/service-provider.entity';
