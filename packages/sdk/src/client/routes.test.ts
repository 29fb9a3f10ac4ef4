import { describe, expect, it } from 'vitest';
import { fillPath, ROUTES, SDK_ROUTES } from './routes';

describe('SDK_ROUTES', () => {
  it('lists every route once, with its operation, method and OpenAPI path', () => {
    expect(SDK_ROUTES).toHaveLength(Object.keys(ROUTES).length);
    expect(SDK_ROUTES).toContainEqual({ operation: 'messages.get', method: 'GET', path: '/status/{id}' });
    expect(SDK_ROUTES).toContainEqual({ operation: 'oauth.token', method: 'POST', path: '/oauth/token' });
    const keys = SDK_ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('covers the seed paths exactly', () => {
    const keys = SDK_ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(keys).toEqual(expect.arrayContaining(['POST /send', 'GET /status/{id}', 'POST /template', 'GET /balance']));
  });
});

describe('fillPath', () => {
  it('percent-encodes each parameter so it stays one path segment', () => {
    expect(fillPath('/status/{id}', { id: 'msg_1' })).toBe('/status/msg_1');
    expect(fillPath('/status/{id}', { id: '../keys' })).toBe('/status/..%2Fkeys');
    expect(fillPath('/opt-outs/{phoneNumber}', { phoneNumber: '+998901234567' })).toBe('/opt-outs/%2B998901234567');
    expect(fillPath('/balance')).toBe('/balance');
  });

  it('refuses a missing or empty parameter instead of calling another route', () => {
    expect(() => fillPath('/templates/{id}', {})).toThrow(/Missing path parameter "id"/);
    expect(() => fillPath('/templates/{id}', { id: '' })).toThrow(TypeError);
  });
});
