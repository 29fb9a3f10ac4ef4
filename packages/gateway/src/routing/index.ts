// Routing for the dispatcher: which carriers may take a message and in what order, which of them
// are failing, and which operator a (possibly ported) number belongs to. Pure and in-process.
export {
  CircuitBreaker,
  type CircuitBreakerOptions,
  CircuitBreakers,
  type CircuitSnapshot,
  type CircuitState,
} from './circuit-breaker';
export {
  type CachedPortabilityLookupOptions,
  cachedPortabilityLookup,
  type NumberPortabilityLookup,
  type ResolvedOperator,
  resolveOperator,
  staticPortabilityTable,
} from './number-portability';
export {
  defaultRoutes,
  type Route,
  type RouteInput,
  type RouteIssue,
  routeSchema,
  routesSchema,
  validateRoutesAgainstCarriers,
} from './route-table';
export {
  type RoutableMessage,
  type RouteCandidate,
  type RouteSelection,
  type SelectRoutesInput,
  type SkippedRoute,
  type SkipReason,
  selectRoutes,
} from './select-routes';
