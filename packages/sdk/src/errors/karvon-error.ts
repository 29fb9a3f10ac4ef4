/**
 * Marker read by `isInstance`. `Symbol.for` is shared across realms and across two copies of this
 * package (a dependency bundling its own @karvon/sdk), where `instanceof` would say no.
 */
const ERROR_MARKER: unique symbol = Symbol.for('karvon.error') as never;

/** The plain-data shape every Karvon error serialises to (safe to log: no keys, bodies or full numbers). */
export interface KarvonErrorJSON {
  name: string;
  message: string;
  [field: string]: unknown;
}

/** Root of every error the SDK throws. */
export class KarvonError extends Error {
  /** Stable name, kept through minification (class names are not). */
  static readonly errorName: string = 'KarvonError';

  declare readonly [ERROR_MARKER]: readonly string[];
  override name: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    // The class's lineage of stable names, e.g. ['RateLimitError', 'APIError', 'KarvonError'],
    // so `APIError.isInstance(rateLimitErrorFromAnotherCopy)` is true as well.
    const lineage: string[] = [];
    for (let c: unknown = new.target; typeof c === 'function' && c !== Error; c = Object.getPrototypeOf(c)) {
      if (Object.hasOwn(c, 'errorName')) lineage.push((c as unknown as { errorName: string }).errorName);
    }
    this.name = new.target.errorName;
    Object.defineProperty(this, ERROR_MARKER, { value: lineage, enumerable: false });
  }

  /** `instanceof` that also recognises errors thrown by another copy of @karvon/sdk. */
  static isInstance<T extends KarvonError>(
    this: { readonly errorName: string; readonly prototype: T },
    value: unknown,
  ): value is T {
    if (typeof value !== 'object' || value === null) return false;
    const lineage = (value as { [ERROR_MARKER]?: unknown })[ERROR_MARKER];
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass isInstance was called on
    return Array.isArray(lineage) && lineage.includes(this.errorName);
  }

  toJSON(): KarvonErrorJSON {
    return { name: this.name, message: this.message };
  }
}
