import { INestApplication, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { RoutePermission, routePermissionOf } from '@dh/identity';

export type Route = { route: string; permission: RoutePermission | undefined };

const pathsOf = (target: object): string[] => {
  const path: string | string[] | undefined = Reflect.getMetadata(PATH_METADATA, target);
  return path === undefined ? [] : [path].flat();
};

const join = (...parts: string[]): string =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

// Every route the given controllers serve, as Nest's router reads them (the path and method metadata of each
// handler), with the permission it declares (on the handler, or else on its controller).
export const routesOf = (controllers: Type[]): Route[] => {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  return controllers.flatMap((controller) =>
    scanner.getAllMethodNames(controller.prototype).flatMap((name) => {
      const handler: unknown = controller.prototype[name];
      if (typeof handler !== 'function' || !Reflect.hasMetadata(PATH_METADATA, handler)) return [];
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const permission = routePermissionOf(reflector, [handler, controller]);
      return pathsOf(controller).flatMap((base) =>
        pathsOf(handler).map((path) => ({ route: `${method} ${join(base, path)}`, permission })),
      );
    }),
  );
};

// The controllers the running app has registered, through Nest's discovery.
export const controllersOf = (app: INestApplication): Type[] =>
  new DiscoveryService(app.get(ModulesContainer))
    .getControllers()
    .map((wrapper) => wrapper.metatype)
    .filter((metatype): metatype is Type => typeof metatype === 'function');
