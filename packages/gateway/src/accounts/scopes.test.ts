import { describe, expect, it } from 'vitest';
import {
  effectiveScopes,
  findRouteRule,
  hasScopes,
  isScope,
  matchRoute,
  missingScopes,
  ROLE_SCOPES,
  ROUTE_SCOPES,
  SCOPES,
  toFastifyPath,
} from './scopes';

describe('SCOPES', () => {
  it('lists exactly the scopes of the API', () => {
    expect(SCOPES).toEqual([
      'messages:send',
      'messages:read',
      'messages:cancel',
      'templates:read',
      'templates:write',
      'balance:read',
      'senders:write',
      'webhooks:write',
      'opt_outs:read',
      'opt_outs:write',
      'keys:write',
      'admin',
    ]);
    expect(isScope('messages:send')).toBe(true);
    expect(isScope('messages:write')).toBe(false);
  });
});

describe('hasScopes', () => {
  it('requires every listed scope', () => {
    expect(hasScopes(['messages:read'], ['messages:read', 'opt_outs:read'])).toBe(false);
    expect(hasScopes(['messages:read', 'opt_outs:read'], ['messages:read', 'opt_outs:read'])).toBe(true);
    expect(hasScopes([], [])).toBe(true);
  });

  it('lets admin do everything', () => {
    for (const scope of SCOPES) expect(hasScopes(['admin'], [scope])).toBe(true);
    expect(missingScopes(['admin'], ['keys:write'])).toEqual([]);
  });

  it('names the missing scopes', () => {
    expect(missingScopes(['messages:read'], ['messages:read', 'opt_outs:write'])).toEqual(['opt_outs:write']);
  });

  it('expands admin for display', () => {
    expect(effectiveScopes(['admin'])).toEqual([...SCOPES]);
    expect(effectiveScopes(['opt_outs:read', 'bogus', 'messages:send'])).toEqual(['messages:send', 'opt_outs:read']);
  });
});

describe('ROLE_SCOPES', () => {
  it('gives developers everything but key management and admin', () => {
    expect(ROLE_SCOPES.developer).not.toContain('keys:write');
    expect(ROLE_SCOPES.developer).not.toContain('admin');
    expect(ROLE_SCOPES.developer).toHaveLength(SCOPES.length - 2);
  });

  it('gives read_only only the read scopes', () => {
    expect(ROLE_SCOPES.read_only).toEqual(['messages:read', 'templates:read', 'balance:read', 'opt_outs:read']);
  });

  it('gives the adapter preset what a platform integration needs and no more', () => {
    expect([...ROLE_SCOPES.adapter].sort()).toEqual(
      [
        'balance:read',
        'messages:read',
        'messages:send',
        'opt_outs:read',
        'opt_outs:write',
        'templates:read',
        'templates:write',
        'webhooks:write',
      ].sort(),
    );
  });
});

describe('ROUTE_SCOPES', () => {
  it('has one rule per method and path', () => {
    const ids = ROUTE_SCOPES.map((r) => `${r.method} ${r.path}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('requires a scope on every keyed route and none on open ones', () => {
    for (const rule of ROUTE_SCOPES) {
      if (rule.auth === 'api_key') expect(rule.scopes.length).toBeGreaterThan(0);
      else expect(rule.scopes).toEqual([]);
    }
    expect(ROUTE_SCOPES.filter((r) => r.auth === 'none').map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /oauth/token',
      'GET /health',
      'GET /ready',
      'GET /openapi.json',
    ]);
  });

  it('requires two scopes for privacy requests', () => {
    expect(findRouteRule('post', '/privacy/export')?.scopes).toEqual(['messages:read', 'opt_outs:read']);
    expect(findRouteRule('POST', '/privacy/erasure')?.scopes).toEqual(['messages:read', 'opt_outs:write']);
  });

  it('converts patterns to Fastify paths', () => {
    expect(toFastifyPath('/messages/{id}/cancel')).toBe('/messages/:id/cancel');
    expect(toFastifyPath('/opt-outs/{phoneNumber}')).toBe('/opt-outs/:phoneNumber');
  });
});

describe('matchRoute', () => {
  it('matches concrete paths to their pattern', () => {
    expect(matchRoute('GET', '/status/msg_123')?.path).toBe('/status/{id}');
    expect(matchRoute('POST', '/messages/msg_1/cancel')?.scopes).toEqual(['messages:cancel']);
    expect(matchRoute('GET', '/messages?limit=10')?.path).toBe('/messages');
    expect(matchRoute('DELETE', '/opt-outs/+998901234567')?.scopes).toEqual(['opt_outs:write']);
  });

  it('prefers literal segments over parameters', () => {
    expect(matchRoute('POST', '/template/preview')?.scopes).toEqual(['templates:read']);
  });

  it('matches nothing for unknown routes, methods and empty parameters', () => {
    expect(matchRoute('PUT', '/send')).toBeUndefined();
    expect(matchRoute('GET', '/nope')).toBeUndefined();
    expect(matchRoute('GET', '/status/')).toBeUndefined();
  });
});
