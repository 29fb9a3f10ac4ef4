import * as z from 'zod/mini';
import { pure } from '../internal/pure';

/**
 * The API version travels in a date header, Stripe-style, so the seed's paths
 * (POST /send, GET /status/{id}, POST /template, GET /balance) never change.
 */
export const API_VERSION_HEADER = 'Karvon-Version';

/** Every version the contract knows, oldest first. */
export const API_VERSIONS = ['2026-11-01'] as const;

export type ApiVersion = (typeof API_VERSIONS)[number];

/** The version the SDK sends unless told otherwise. */
export const LATEST_API_VERSION = '2026-11-01' satisfies ApiVersion;

export function isApiVersion(value: unknown): value is ApiVersion {
  return typeof value === 'string' && (API_VERSIONS as readonly string[]).includes(value);
}

/** Strict: a request naming a version this contract does not know is rejected. */
export const apiVersionSchema = pure(() => z.enum(API_VERSIONS));
