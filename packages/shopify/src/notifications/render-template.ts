/**
 * Fills `{variable}` placeholders, the same syntax as the gateway's templates. Unknown names are
 * reported rather than sent as literal braces; an empty value renders as an empty string.
 */
export function renderTemplate(
  body: string,
  variables: Readonly<Record<string, string | null | undefined>>,
): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const text = body.replace(/\{([a-z_][a-z0-9_]*)\}/gi, (_match, name: string) => {
    const value = variables[name];
    if (value === undefined) {
      missing.add(name);
      return '';
    }
    return value ?? '';
  });
  // Collapse the double spaces an empty value leaves; keep the merchant's line breaks.
  return { text: text.replace(/[ \t]{2,}/g, ' ').trim(), missing: [...missing] };
}
