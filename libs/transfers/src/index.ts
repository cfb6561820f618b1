export * from './transfer.entity';
export * from './transfer-package';
export * from './transfers.exception';
export * from './transfers.module';
export * from './transfers.service';
export * from './transfer-expiry.service';
