/**
 * An open string enum: the known values for autocomplete, plus any other
 * string, so a value added by a newer gateway does not break an older client.
 * `string & {}` keeps the literal members visible to the editor (a plain
 * `| string` would collapse the union to `string`).
 */
export type Open<T extends string> = T | (string & {});
