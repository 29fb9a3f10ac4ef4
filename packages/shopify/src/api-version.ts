import { ApiVersion } from '@shopify/shopify-api';

/**
 * The one Admin API version this app speaks. `shopify.app.toml` ([webhooks] api_version), the
 * API client and every fixture use it; a test in examples/shopify-app checks they agree.
 */
export const SHOPIFY_ADMIN_API_VERSION = ApiVersion.October26;
