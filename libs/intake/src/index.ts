export * from './intake.exception';
export * from './intake.module';
export * from './learner-identification.service';
export * from './public-intake.service';
export * from './tracking-code';
