import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthService } from './auth.service';
import { Caller } from './caller';
import { IdentityException, IdentityExceptionCode } from './identity.exception';
import { routePermissionOf } from './permissions/route-permission';

export type AuthedRequest = Request & { requestId: string; caller?: Caller };

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Every route needs a token unless declared @Public() (login, the intake form, health, labels).
    const permission = routePermissionOf(this.reflector, [context.getHandler(), context.getClass()]);
    if (permission?.access === 'public') return true;
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9_\-.]{10,4096})$/.exec(header);
    if (!match) throw new IdentityException(IdentityExceptionCode.UNAUTHENTICATED);
    req.caller = await this.auth.authenticate(match[1], req.requestId);
    return true;
  }
}

export const CurrentCaller = createParamDecorator((_: unknown, ctx: ExecutionContext): Caller => {
  const caller = ctx.switchToHttp().getRequest<AuthedRequest>().caller;
  if (!caller) throw new IdentityException(IdentityExceptionCode.UNAUTHENTICATED);
  return caller;
});
