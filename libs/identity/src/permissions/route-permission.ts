import { Reflector } from '@nestjs/core';
import type { Action, POLICY } from '../access-policy';

export const ROUTE_PERMISSION = 'dh:permission';

// What a route asks of its caller, declared once on it (permission.decorators.ts) and read by the guards, the
// OpenAPI document and the test that walks every route (test/api/route-permissions.spec.ts).
// 'public': anyone, no token. 'signed_in': any signed-in caller; the route answers about the caller alone.
// 'role': the permission guard refuses (403) a caller none of whose roles the policy names for the action, before
// any pipe or handler runs; the service may still refine by the record.
// 'record': the policy names the roles, but the answer depends on the record (the case, the school sent, the rows
// listed): 404 for what the caller cannot see, 403 for what they see but may not do. The service decides with the
// row, so the guard only requires a signed-in caller.
export type RoutePermission =
  | { access: 'public' }
  | { access: 'signed_in' }
  | { access: 'role' | 'record'; action: Action; roles: (typeof POLICY)[Action] };

type Targets = Parameters<Reflector['getAllAndOverride']>[1];

// The handler's declaration, or else its controller's.
export const routePermissionOf = (reflector: Reflector, targets: Targets): RoutePermission | undefined =>
  reflector.getAllAndOverride<RoutePermission | undefined>(ROUTE_PERMISSION, targets);
