import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, TEMPLATE_VARIABLES } from './default-templates';
import { renderTemplate } from './render-template';

describe('renderTemplate', () => {
  it('fills every placeholder and reports none missing', () => {
    const result = renderTemplate('Hi {first_name}, order {order_name}', {
      first_name: 'Dilnoza',
      order_name: '#1001',
    });
    expect(result).toEqual({ text: 'Hi Dilnoza, order #1001', missing: [] });
  });

  it('reports unknown placeholders instead of sending braces', () => {
    const result = renderTemplate('Hi {first_name} {nickname}', { first_name: 'Aziz' });
    expect(result.text).toBe('Hi Aziz');
    expect(result.missing).toEqual(['nickname']);
  });

  it('renders an empty value without leaving double spaces', () => {
    expect(renderTemplate('Hi {first_name}, thanks', { first_name: null }).text).toBe('Hi , thanks');
    expect(renderTemplate('A {x} B', { x: '' }).text).toBe('A B');
    expect(renderTemplate('Line one\nLine {x}', { x: 'two' }).text).toBe('Line one\nLine two');
  });

  it('ships defaults in en, ru and uz that use only the documented variables', () => {
    for (const byLocale of Object.values(DEFAULT_TEMPLATES)) {
      expect(Object.keys(byLocale).sort()).toEqual(['en', 'ru', 'uz']);
      for (const body of Object.values(byLocale)) {
        const used = [...body.matchAll(/\{([a-z_]+)\}/g)].map((match) => match[1]);
        expect(used.filter((name) => !(TEMPLATE_VARIABLES as readonly string[]).includes(name ?? ''))).toEqual([]);
      }
    }
  });

  it('writes Uzbek oʻ with the modifier letter turned comma (U+02BB)', () => {
    expect(DEFAULT_TEMPLATES.order_confirmation.uz).toContain('do\u02BBkon');
  });
});
