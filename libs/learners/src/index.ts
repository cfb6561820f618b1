export * from './learner-age';
export * from './learner-cases.port';
export * from './learner-name-key';
export * from './learner-sealed';
export * from './learner.entity';
export * from './learner.exception';
export * from './learner.service';
export * from './learners.module';
export { LearnerViewDto } from './dtos/learner-view.response';
