import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractVariables, parseTemplate, renderTemplate } from './render-template';

describe('renderTemplate', () => {
  it('fills placeholders with stringified values', () => {
    expect(renderTemplate('Kod: {code}. {name}, {n} ta, {ok}', { code: '4821', name: 'Aziz', n: 3, ok: true })).toEqual(
      { ok: true, text: 'Kod: 4821. Aziz, 3 ta, true' },
    );
  });

  it('treats dotted names as flat keys', () => {
    expect(renderTemplate('Order {order.id}', { 'order.id': 42 })).toEqual({ ok: true, text: 'Order 42' });
    expect(renderTemplate('Order {order.id}', { order: { id: 42 } })).toMatchObject({
      missing: ['order.id'],
      unknown: ['order'],
    });
  });

  it('turns {{ and }} into literal braces', () => {
    expect(renderTemplate('{{literal}} {{{x}}}', { x: 1 })).toEqual({ ok: true, text: '{literal} {1}' });
  });

  it('lists every missing variable once, in order, and every unknown one', () => {
    expect(renderTemplate('{a} {b} {a} {c}', { b: 1, bb: 2, z: 3 })).toEqual({
      ok: false,
      reason: 'variables',
      missing: ['a', 'c'],
      unknown: ['bb', 'z'],
    });
  });

  it('reads only own properties and only printable values', () => {
    expect(renderTemplate('{toString}{constructor}', {})).toMatchObject({ missing: ['toString', 'constructor'] });
    expect(renderTemplate('{a}{b}{c}', { a: null, b: { x: 1 }, c: Number.NaN })).toMatchObject({
      missing: ['a', 'b', 'c'],
    });
  });

  it('never interprets a value, even one that looks like a placeholder', () => {
    // A value shaped like a JS template expression, built so no linter reads it as one.
    const hostile = ['{b} ', '$', '{process.exit()} {{'].join('');
    expect(renderTemplate('{a}', { a: hostile })).toEqual({ ok: true, text: hostile });
  });

  it('reports syntax errors with the offset of the brace', () => {
    expect(renderTemplate('Hi {name', {})).toEqual({
      ok: false,
      reason: 'syntax',
      error: { reason: 'unclosed_placeholder', index: 3 },
    });
    expect(parseTemplate('Hi { name}')).toEqual({ ok: false, error: { reason: 'invalid_placeholder', index: 3 } });
    expect(parseTemplate('{1abc}')).toMatchObject({ error: { reason: 'invalid_placeholder' } });
    expect(parseTemplate('{}')).toMatchObject({ error: { reason: 'invalid_placeholder' } });
    expect(parseTemplate('{a-b}')).toMatchObject({ error: { reason: 'invalid_placeholder' } });
    expect(parseTemplate('a } b')).toEqual({ ok: false, error: { reason: 'unmatched_brace', index: 2 } });
  });

  it('renders a body without placeholders unchanged, Unicode included', () => {
    expect(renderTemplate('Salom! Привет 👋', {})).toEqual({ ok: true, text: 'Salom! Привет 👋' });
  });
});

describe('extractVariables', () => {
  it('lists names in order of first use, each once', () => {
    expect(extractVariables('{b} {a} {b} {{c}} {_x.y1}')).toEqual(['b', 'a', '_x.y1']);
    expect(extractVariables('no placeholders')).toEqual([]);
    expect(extractVariables('broken {')).toEqual([]);
  });
});

// Text with no braces, and names from the grammar.
const plain = fc.string().map((s) => s.replace(/[{}]/g, ''));
const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.]{0,10}$/);

describe('properties', () => {
  it('renders what extractVariables names, and nothing is missing when all are given', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(plain, name)), plain, fc.string(), (pieces, tail, value) => {
        const body = pieces.map(([t, n]) => `${t}{${n}}`).join('') + tail;
        const names = extractVariables(body);
        expect(names).toEqual([...new Set(pieces.map(([, n]) => n))]);
        const variables = Object.fromEntries(names.map((n) => [n, value]));
        const expected = pieces.map(([t]) => `${t}${value}`).join('') + tail;
        expect(renderTemplate(body, variables)).toEqual({ ok: true, text: expected });
      }),
    );
  });

  it('round-trips any text escaped with {{ and }}', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = text.replace(/\{/g, '{{').replace(/\}/g, '}}');
        expect(renderTemplate(escaped, {})).toEqual({ ok: true, text });
      }),
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), fc.dictionary(fc.string(), fc.anything()), (body, variables) => {
        const result = renderTemplate(body, variables);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });
});
