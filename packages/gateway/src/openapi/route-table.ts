import { ROUTE_SCOPES } from '../accounts/scopes';
import { OPERATIONS } from './operations';

/**
 * The route table of docs/reference/http-api.md, from ROUTE_SCOPES and the
 * OpenAPI operations: a test checks the doc contains exactly this text, so
 * the page cannot drift from the routes.
 */
export function renderRouteTable(): string {
  const rows = ROUTE_SCOPES.map((rule) => {
    const spec = OPERATIONS[`${rule.method} ${rule.path}`];
    const scope = rule.auth === 'none' ? 'none' : rule.scopes.map((s) => `\`${s}\``).join(' + ');
    // The SDK calls the token endpoint from its token provider, not from a resource.
    const sdk = !spec
      ? ''
      : spec.operationId === 'openapi.get'
        ? '—'
        : spec.operationId === 'oauth.token'
          ? '`clientCredentialsTokenProvider()`'
          : `\`karvon.${spec.operationId}()\``;
    const status = spec ? (spec.mayCreate ? '200 / 201' : spec.status) : '';
    return `| ${rule.method} | \`${rule.path}\` | ${scope} | ${sdk} | ${status} | ${spec?.summary ?? ''} |`;
  });
  return ['| Method | Path | Scope | SDK | Success | What it does |', '|---|---|---|---|---|---|', ...rows].join('\n');
}
