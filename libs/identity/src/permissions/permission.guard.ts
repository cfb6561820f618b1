import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { decide } from '../access-policy';
import type { AuthedRequest } from '../auth.guard';
import { IdentityException, IdentityExceptionCode } from '../identity.exception';
import { routePermissionOf } from './route-permission';

// Registered after the AuthGuard, and like every guard it runs before pipes and handlers: a refusal here has read
// neither the request's input nor the database.
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const permission = routePermissionOf(this.reflector, [context.getHandler(), context.getClass()]);
    // A route that forgot to say who may call it is closed, not open; the route walk in the tests names it.
    if (permission === undefined) throw new IdentityException(IdentityExceptionCode.FORBIDDEN_ROLE);
    if (permission.access !== 'role') return true;
    const caller = context.switchToHttp().getRequest<AuthedRequest>().caller;
    if (!caller) throw new IdentityException(IdentityExceptionCode.UNAUTHENTICATED);
    if (decide(caller, permission.action) !== 'allow') {
      throw new IdentityException(IdentityExceptionCode.FORBIDDEN_ROLE);
    }
    return true;
  }
}
