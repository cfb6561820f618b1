import { applyDecorators, HttpStatus, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { ApiErrorNote, ApiErrors } from '@dh/errors';
import { Action, POLICY, Scope } from '../access-policy';
import { IdentityException, IdentityExceptionCode } from '../identity.exception';
import { ROUTE_PERMISSION, RoutePermission } from './route-permission';

const SCOPE_LABELS: Record<Scope, string> = {
  school: 'trường của mình / own schools',
  ward: 'phường của mình / own ward',
  ward_referred: 'hồ sơ chuyển lên phường / cases referred to own ward',
  global: 'toàn hệ thống / everywhere',
};

// The roles the policy names for an action, as the OpenAPI document shows them: "admin (toàn hệ thống / everywhere)".
export const rolesAllowed = (action: Action): string =>
  Object.entries(POLICY[action])
    .map(([role, scope]) => `${role} (${SCOPE_LABELS[scope]})`)
    .join(', ');

// The metadata the guards read, and the same words in the OpenAPI document as `x-permission`.
const declare = (permission: RoutePermission, ...docs: MethodDecorator[]) =>
  applyDecorators(SetMetadata(ROUTE_PERMISSION, permission), ApiExtension('x-permission', permission), ...docs);

// Anyone, without a token: login, the public intake form, health, labels.
export const Public = () => declare({ access: 'public' });

// Any signed-in caller; what the route reads or changes is the caller's own (their profile, their alerts).
export const SignedIn = () => declare({ access: 'signed_in' });

// The roles the access policy names for `action`. By default the guard refuses every other role (403) before the
// request is read. With 'record' the refusal depends on the record and the service decides with the row (404
// beyond the caller's reach, 403 within it): see route-permission.ts.
export const Permission = (action: Action, decidedOn: 'role' | 'record' = 'role') => {
  const refused =
    decidedOn === 'role'
      ? 'Vai trò không được phép / role not allowed'
      : 'Không được phép với bản ghi này / not allowed on this record';
  return declare(
    { access: decidedOn, action, roles: POLICY[action] },
    // The refusal is the problem body with FORBIDDEN_ROLE, like every other error; the roles go in its description.
    ApiErrors(IdentityException.statuses, IdentityExceptionCode.FORBIDDEN_ROLE),
    ApiErrorNote(HttpStatus.FORBIDDEN, `${refused}. Được phép / allowed: ${rolesAllowed(action)}`),
  );
};
