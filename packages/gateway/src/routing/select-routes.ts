import type { Route } from './route-table';

/** What routing needs to know about a message. */
export interface RoutableMessage {
  /** ISO 3166-1 alpha-2; null when unknown (then only routes without `countries` match). */
  readonly country: string | null;
  /** Operator id (portability answer or prefix hint); null when unknown. */
  readonly operator: string | null;
  readonly type: string;
  /** Parts quoted to the customer: no route may need more. */
  readonly segments: number;
}

export interface SelectRoutesInput {
  readonly routes: readonly Route[];
  readonly message: RoutableMessage;
  /** Carriers the sender is registered on; null = the sender is not restricted. */
  readonly allowedCarriers: ReadonlySet<string> | null;
  /** Carriers this message already failed on (`not_sent`). */
  readonly excluded: ReadonlySet<string>;
  /** Parts the message would take on that carrier (its encodings and long-message mode differ). */
  readonly partsOn: (carrierId: string) => number;
  /**
   * Circuit closed or half-open and a bind owned. Must not take anything (such as a half-open
   * probe slot): it is asked of every matching carrier, not only of the one finally used.
   */
  readonly isAvailable: (carrierId: string) => boolean;
  /** In [0, 1); injectable so the weighted order is reproducible in tests. */
  readonly random?: () => number;
}

/** A carrier to try, in order. */
export interface RouteCandidate {
  readonly carrier: string;
  /** The route that put the carrier here (the first matching one for that carrier). */
  readonly route: Route;
  readonly priority: number;
  /** Parts the message takes on this carrier (never more than the quoted `segments`). */
  readonly parts: number;
}

export type SkipReason = 'excluded' | 'sender_not_registered' | 'more_parts' | 'unavailable';

/** A carrier whose route matched the message but that cannot take it now. */
export interface SkippedRoute {
  readonly carrier: string;
  readonly reason: SkipReason;
}

export interface RouteSelection {
  readonly candidates: RouteCandidate[];
  readonly skipped: SkippedRoute[];
}

/**
 * The carriers to try for one message, best first: by priority, then a weighted random order
 * within a priority so traffic splits by weight. Each carrier appears once, under the first route
 * (by priority, then file order) that matches the message. Routes that do not match the message's
 * country, operator or type are left out silently; matching carriers that cannot take it are
 * listed in `skipped` with the reason, for logs and the message's routing trace.
 */
export function selectRoutes(input: SelectRoutesInput): RouteSelection {
  const { message } = input;
  const random = input.random ?? Math.random;
  const country = message.country?.toUpperCase() ?? null;

  // A stable sort keeps file order within a priority, so "first matching route" is well defined.
  const byPriority = [...input.routes].sort((a, b) => a.priority - b.priority);
  const seen = new Set<string>();
  const eligible: RouteCandidate[] = [];
  const skipped: SkippedRoute[] = [];

  for (const route of byPriority) {
    if (!routeMatches(route, country, message.operator, message.type)) continue;
    // Every skip reason is a property of the carrier, not the route: a later route for the same
    // carrier would meet the same fate, so the carrier is settled by its first matching route.
    if (seen.has(route.carrier)) continue;
    seen.add(route.carrier);

    const reason = skipReason(route.carrier, input);
    if (reason !== null) {
      skipped.push({ carrier: route.carrier, reason });
      continue;
    }
    const parts = input.partsOn(route.carrier);
    if (parts > message.segments) {
      skipped.push({ carrier: route.carrier, reason: 'more_parts' });
      continue;
    }
    if (!input.isAvailable(route.carrier)) {
      skipped.push({ carrier: route.carrier, reason: 'unavailable' });
      continue;
    }
    eligible.push({ carrier: route.carrier, route, priority: route.priority, parts });
  }

  return { candidates: orderWithinPriorities(eligible, random), skipped };
}

function routeMatches(route: Route, country: string | null, operator: string | null, type: string): boolean {
  if (route.countries !== undefined && (country === null || !route.countries.includes(country))) return false;
  if (route.operators !== undefined && (operator === null || !route.operators.includes(operator))) return false;
  if (route.types !== undefined && !(route.types as readonly string[]).includes(type)) return false;
  return true;
}

// The cheap set checks, before asking for parts or availability.
function skipReason(carrier: string, input: SelectRoutesInput): 'excluded' | 'sender_not_registered' | null {
  if (input.excluded.has(carrier)) return 'excluded';
  if (input.allowedCarriers !== null && !input.allowedCarriers.has(carrier)) return 'sender_not_registered';
  return null;
}

/** `candidates` is sorted by priority; each run of one priority is drawn in weighted random order. */
function orderWithinPriorities(candidates: readonly RouteCandidate[], random: () => number): RouteCandidate[] {
  const ordered: RouteCandidate[] = [];
  let start = 0;
  while (start < candidates.length) {
    const priority = candidates[start]!.priority;
    let end = start;
    while (end < candidates.length && candidates[end]!.priority === priority) end++;
    ordered.push(...weightedOrder(candidates.slice(start, end), random));
    start = end;
  }
  return ordered;
}

/**
 * Weighted sampling without replacement: each next pick is drawn with probability weight / sum of
 * the weights left, so a carrier with weight 3 next to one with weight 1 is tried first 75% of the
 * time, and the other still follows it as the fallback.
 */
function weightedOrder(group: RouteCandidate[], random: () => number): RouteCandidate[] {
  if (group.length < 2) return group;
  const left = [...group];
  const ordered: RouteCandidate[] = [];
  let total = left.reduce((sum, candidate) => sum + candidate.route.weight, 0);
  while (left.length > 1) {
    let draw = random() * total;
    // Falls to the last one if rounding (or a random() that returns 1) runs past the end.
    let index = left.length - 1;
    for (let i = 0; i < left.length; i++) {
      draw -= left[i]!.route.weight;
      if (draw < 0) {
        index = i;
        break;
      }
    }
    const [picked] = left.splice(index, 1);
    ordered.push(picked!);
    total -= picked!.route.weight;
  }
  ordered.push(left[0]!);
  return ordered;
}
