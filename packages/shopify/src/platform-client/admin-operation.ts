/**
 * A GraphQL document carrying its result and variables types, the way @shopify/api-codegen-preset
 * types a `#graphql` string: `AdminOperation<ShopInfoQuery, ShopInfoQueryVariables>`. The brand
 * exists only for the compiler; at run time it is the document string.
 */
export type AdminOperation<TData, TVariables> = string & {
  readonly __adminOperation?: { data: TData; variables: TVariables };
};

/** Declares a document with its types (see operations/). */
export function adminOperation<TData, TVariables>(document: string): AdminOperation<TData, TVariables> {
  return document as AdminOperation<TData, TVariables>;
}

/** The name after `query`/`mutation`, which also keys the cost throttle's per-operation estimate. */
export function operationNameOf(document: string): string | undefined {
  return /\b(?:query|mutation)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(document)?.[1];
}
