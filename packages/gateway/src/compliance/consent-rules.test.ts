import { describe, expect, it } from 'vitest';
import { type ConsentRecord, checkConsent, toOptOutScope } from './consent-rules';

const consent: ConsentRecord = {
  source: 'checkout',
  grantedAt: '2026-01-01T00:00:00Z',
  proof: 'order 1042, ip 203.0.113.9',
};

describe('checkConsent', () => {
  it('sends marketing to a number with consent and no opt-out', () => {
    expect(checkConsent({ type: 'marketing', optOuts: [], consent })).toEqual({ ok: true });
  });

  it('refuses marketing without consent, or with withdrawn consent', () => {
    expect(checkConsent({ type: 'marketing', optOuts: [] })).toEqual({ ok: false, code: 'consent_required' });
    expect(
      checkConsent({ type: 'marketing', optOuts: [], consent: { ...consent, revokedAt: '2026-02-01T00:00:00Z' } }),
    ).toEqual({ ok: false, code: 'consent_required' });
    expect(checkConsent({ type: 'marketing', optOuts: [], consent: { ...consent, revokedAt: null } }).ok).toBe(true);
  });

  it('lets any opt-out win over a consent for marketing', () => {
    expect(checkConsent({ type: 'marketing', optOuts: [{ scope: 'account' }], consent })).toEqual({
      ok: false,
      code: 'opted_out',
      scope: 'account',
    });
    expect(checkConsent({ type: 'marketing', optOuts: [{ scope: 'all' }], consent })).toEqual({
      ok: false,
      code: 'opted_out',
      scope: 'all',
    });
  });

  it('sends transactional without consent and despite a marketing opt-out', () => {
    expect(checkConsent({ type: 'transactional', optOuts: [] })).toEqual({ ok: true });
    expect(checkConsent({ type: 'transactional', optOuts: [{ scope: 'account' }] })).toEqual({ ok: true });
  });

  it('refuses transactional only after a global opt-out', () => {
    expect(checkConsent({ type: 'transactional', optOuts: [{ scope: 'account' }, { scope: 'all' }], consent })).toEqual(
      {
        ok: false,
        code: 'opted_out',
        scope: 'all',
      },
    );
  });

  it('reads legacy and unknown stored scopes, unknown as the safe `all`', () => {
    expect([toOptOutScope('account'), toOptOutScope('marketing'), toOptOutScope('all'), toOptOutScope('x')]).toEqual([
      'account',
      'account',
      'all',
      'all',
    ]);
  });
});
