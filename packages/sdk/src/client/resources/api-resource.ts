import type { Transport } from '../../internal/transport';
import type { APIPromise } from '../api-promise';
import type { RequestOptions } from '../client-options';
import type { PagePromise } from '../page';
import { fillPath, type Operation, ROUTES } from '../routes';

/** What a call adds to its route: path parameters, a query and a JSON body. */
export interface CallArgs {
  params?: Readonly<Record<string, string>>;
  /** Parameter interfaces have no index signature, so any object is taken; undefined values are left out. */
  query?: object;
  body?: unknown;
}

type Query = Record<string, string | number | undefined>;

/**
 * Base of every resource (`client.messages`, …): adding a route is a line in routes.ts and a method
 * in one of these files that names it.
 */
export abstract class APIResource {
  protected readonly transport: Transport;

  constructor(transport: Transport) {
    this.transport = transport;
  }

  protected call<T>(operation: Operation, args: CallArgs = {}, options?: RequestOptions): APIPromise<T> {
    const route = ROUTES[operation];
    return this.transport.request<T>(
      {
        method: route.method,
        path: fillPath(route.path, args.params),
        ...(args.query === undefined ? {} : { query: args.query as Query }),
        ...(args.body === undefined ? {} : { body: args.body }),
        schema: route.schema,
      },
      options,
    );
  }

  protected page<T>(operation: Operation, query: object | undefined, options?: RequestOptions): PagePromise<T> {
    const route = ROUTES[operation];
    return this.transport.requestPage<T>(
      {
        method: route.method,
        path: fillPath(route.path),
        ...(query === undefined ? {} : { query: query as Query }),
        schema: route.schema,
      },
      options,
    );
  }
}
