import type { ShopConnection } from '../storage/shopify-store';

/** A connection as the page sees it: never the key or the webhook secret, only the key's last four. */
export interface ConnectionView {
  connectionId: string;
  baseUrl: string;
  senderId: string;
  /** `…Kd2x`: enough to tell two keys apart. */
  apiKeyHint: string;
  webhookRegistered: boolean;
  connectedAt: string;
  updatedAt: string;
}

export function connectionView(connection: ShopConnection): ConnectionView {
  return {
    connectionId: connection.connectionId,
    baseUrl: connection.karvonBaseUrl,
    senderId: connection.senderId,
    apiKeyHint: `…${connection.karvonApiKey.slice(-4)}`,
    webhookRegistered: connection.webhookEndpointId !== null && connection.webhookSecret !== null,
    connectedAt: new Date(connection.createdAt).toISOString(),
    updatedAt: new Date(connection.updatedAt).toISOString(),
  };
}
