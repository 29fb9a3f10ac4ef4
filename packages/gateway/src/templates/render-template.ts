/**
 * Message templates: text with `{variable}` placeholders, filled from the
 * request's `variables`. Deliberately tiny: no expressions, filters, loops or
 * lookups, so a template can never run anything or read anything it was not
 * given. `{{` and `}}` stand for literal `{` and `}`.
 *
 * Names match `[A-Za-z_][A-Za-z0-9_.]*`. A dotted name such as `order.id` is
 * one flat key of `variables` (`{ "order.id": 42 }`), not a path into objects.
 */

/** The grammar of a placeholder name. */
export const TEMPLATE_VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

export type TemplatePart = { readonly text: string } | { readonly variable: string };

/**
 * Why a body is not a valid template: a `{` that does not open a placeholder
 * (`{ name}`, `{1}`, `{name` without `}`), or a lone `}`. `index` is the
 * offset of the brace, in UTF-16 code units.
 */
export interface TemplateSyntaxError {
  readonly reason: 'invalid_placeholder' | 'unclosed_placeholder' | 'unmatched_brace';
  readonly index: number;
}

export type ParseTemplateResult =
  | { readonly ok: true; readonly parts: readonly TemplatePart[] }
  | { readonly ok: false; readonly error: TemplateSyntaxError };

const NAME_CHAR = /[A-Za-z0-9_.]/;

/** Splits a body into literal text and placeholders, or says where the syntax is wrong. */
export function parseTemplate(body: string): ParseTemplateResult {
  const parts: TemplatePart[] = [];
  let text = '';
  let i = 0;
  while (i < body.length) {
    const ch = body[i]!;
    if (ch === '{' && body[i + 1] === '{') {
      text += '{';
      i += 2;
    } else if (ch === '}' && body[i + 1] === '}') {
      text += '}';
      i += 2;
    } else if (ch === '}') {
      return { ok: false, error: { reason: 'unmatched_brace', index: i } };
    } else if (ch === '{') {
      let end = i + 1;
      while (end < body.length && NAME_CHAR.test(body[end]!)) end++;
      const name = body.slice(i + 1, end);
      if (end >= body.length) return { ok: false, error: { reason: 'unclosed_placeholder', index: i } };
      if (body[end] !== '}' || !TEMPLATE_VARIABLE_NAME.test(name)) {
        return { ok: false, error: { reason: 'invalid_placeholder', index: i } };
      }
      if (text) parts.push({ text });
      text = '';
      parts.push({ variable: name });
      i = end + 1;
    } else {
      text += ch;
      i++;
    }
  }
  if (text) parts.push({ text });
  return { ok: true, parts };
}

/** The placeholder names of a valid body, in order of first use, each once. Empty for an invalid body. */
export function extractVariables(body: string): string[] {
  const parsed = parseTemplate(body);
  if (!parsed.ok) return [];
  const names: string[] = [];
  for (const part of parsed.parts) {
    if ('variable' in part && !names.includes(part.variable)) names.push(part.variable);
  }
  return names;
}

/** The values a template may receive; the send request allows strings and numbers. */
export type TemplateVariables = Readonly<Record<string, string | number | boolean | bigint>>;

export type RenderTemplateResult =
  | { readonly ok: true; readonly text: string }
  | {
      readonly ok: false;
      readonly reason: 'variables';
      /** Placeholders with no value, in order of first use. */
      readonly missing: readonly string[];
      /** Values given for names the template does not use (often a typo of a missing one). */
      readonly unknown: readonly string[];
    }
  | { readonly ok: false; readonly reason: 'syntax'; readonly error: TemplateSyntaxError };

function stringify(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return Number.isFinite(value) ? String(value) : undefined;
    case 'boolean':
    case 'bigint':
      return String(value);
    default:
      // null, objects, functions: not a value we print (and never call or inspect).
      return undefined;
  }
}

/**
 * Fills the placeholders. Fails, listing every problem at once, when a
 * placeholder has no value or a variable is not used by the template: the
 * route answers 422 `missing_template_variables` (or `validation_failed` for
 * unknown ones) naming all of them, so a client fixes its call in one go.
 * Only own properties of `variables` count (`{toString}` is not inherited).
 * Values are inserted as text, never interpreted: a value containing `{x}`
 * stays `{x}`.
 */
export function renderTemplate(body: string, variables: Readonly<Record<string, unknown>> = {}): RenderTemplateResult {
  const parsed = parseTemplate(body);
  if (!parsed.ok) return { ok: false, reason: 'syntax', error: parsed.error };
  const used = new Set<string>();
  const missing: string[] = [];
  let text = '';
  for (const part of parsed.parts) {
    if ('text' in part) {
      text += part.text;
      continue;
    }
    used.add(part.variable);
    const value = Object.hasOwn(variables, part.variable) ? stringify(variables[part.variable]) : undefined;
    if (value === undefined) {
      if (!missing.includes(part.variable)) missing.push(part.variable);
    } else text += value;
  }
  const unknown = Object.keys(variables).filter((name) => !used.has(name));
  if (missing.length > 0 || unknown.length > 0) return { ok: false, reason: 'variables', missing, unknown };
  return { ok: true, text };
}
