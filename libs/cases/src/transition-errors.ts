import { HttpStatus } from '@nestjs/common';
import { ApiErrors } from '@dh/errors';
import { CasesController } from './cases.controller';

// A module whose transition hook can refuse an event (libs/records, libs/intake) declares its codes on
// POST /cases/:id/events from where it registers the hook: the route is here, the refusals are there.
export const declareTransitionErrors = <C extends string>(
  statuses: Readonly<Record<C, HttpStatus>>,
  ...codes: C[]
): void => {
  const descriptor = Object.getOwnPropertyDescriptor(CasesController.prototype, 'send');
  if (descriptor) ApiErrors(statuses, ...codes)(CasesController.prototype, 'send', descriptor);
};
