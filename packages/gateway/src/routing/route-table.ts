import { z } from 'zod';

/**
 * Which carrier may carry which traffic, from the `routes` list of the carrier profiles file:
 *
 * ```json
 * { "carriers": [ … ],
 *   "routes": [
 *     { "id": "uz-ucell-direct", "carrier": "ucell-1", "countries": ["UZ"], "operators": ["ucell"] },
 *     { "carrier": "aggregator", "priority": 1, "weight": 3 },
 *     { "carrier": "aggregator-2", "priority": 1, "types": ["transactional"] } ] }
 * ```
 *
 * A field left out matches anything. Lower priorities are tried first; routes sharing a priority
 * split the traffic by weight. Objects are strict, so a misspelt field fails at start instead of
 * quietly matching everything.
 */
export const routeSchema = z.strictObject({
  /** A name for logs and operator endpoints; optional. */
  id: z.string().min(1).optional(),
  /** A carrier id from the same file's `carriers`. */
  carrier: z.string().min(1),
  /** ISO 3166-1 alpha-2, upper case. Absent = any country; an empty list would match nothing, so it is refused. */
  countries: z
    .array(z.string().regex(/^[A-Z]{2}$/, 'Expected an ISO 3166-1 alpha-2 code in upper case, such as "UZ"'))
    .min(1)
    .optional(),
  /** Operator ids as @karvon/sdk/phone names them (`beeline`, `ucell`, `mobiuz`, `uzmobile`…); lower case. */
  operators: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'Expected a lower-case operator id such as "ucell"'))
    .min(1)
    .optional(),
  /** Absent = both. */
  types: z
    .array(z.enum(['transactional', 'marketing']))
    .min(1)
    .optional(),
  /** Lower is tried first. */
  priority: z.int().min(0).default(0),
  /** Share of traffic among the routes of the same priority. */
  weight: z.int().min(1).default(1),
});

/** A validated route, defaults filled in. */
export type Route = z.output<typeof routeSchema>;
/** A route as written in the file. */
export type RouteInput = z.input<typeof routeSchema>;

/**
 * The `routes` list. Empty is refused: it would leave every message without a carrier; leave the
 * key out to get {@link defaultRoutes}.
 */
export const routesSchema = z
  .array(routeSchema)
  .min(1)
  .superRefine((routes, ctx) => {
    const seen = new Set<string>();
    routes.forEach((route, index) => {
      if (route.id === undefined) return;
      if (seen.has(route.id))
        ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate route id ${route.id}` });
      seen.add(route.id);
    });
  });

/** A route that cannot work with the carriers configured. */
export interface RouteIssue {
  /** Position in the `routes` list. */
  readonly index: number;
  /** Path into the file, as `CarrierProfileError` writes paths: `routes.2.carrier`. */
  readonly path: string;
  readonly carrier: string;
  readonly message: string;
}

/**
 * Routes pointing at carriers the profiles file does not define. Called at start, so a typo in a
 * carrier id fails loudly instead of silently taking a route out of service.
 */
export function validateRoutesAgainstCarriers(
  routes: readonly Pick<Route, 'carrier' | 'id'>[],
  carrierIds: readonly string[],
): RouteIssue[] {
  const known = new Set(carrierIds);
  const issues: RouteIssue[] = [];
  routes.forEach((route, index) => {
    if (known.has(route.carrier)) return;
    const name = route.id === undefined ? '' : ` (route ${route.id})`;
    issues.push({
      index,
      path: `routes.${index}.carrier`,
      carrier: route.carrier,
      message: `unknown carrier ${JSON.stringify(route.carrier)}${name}; known carriers: ${carrierIds.join(', ') || 'none'}`,
    });
  });
  return issues;
}

/**
 * The routes used when the file has none: every carrier takes any traffic, tried in the order the
 * file lists them (the first is primary, the next its fallback, and so on).
 */
export function defaultRoutes(carrierIds: readonly string[]): Route[] {
  return carrierIds.map((carrier, index) => ({ id: `default:${carrier}`, carrier, priority: index, weight: 1 }));
}
