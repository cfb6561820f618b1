export * from './checkpoint-document';
export * from './checkpoint-signer';
export * from './checkpoint.entity';
export * from './checkpoint.exception';
export * from './checkpoint.service';
export * from './checkpoints.module';
