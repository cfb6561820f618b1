export * from './crypto.exception';
export * from './crypto.module';
export * from './data-key.entity';
export * from './field-cipher';
export * from './key-ring';
export * from './master-key';
export * from './sealed-registry';
export * from './aes-gcm';
