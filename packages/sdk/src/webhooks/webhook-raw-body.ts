/**
 * The request body exactly as it arrived: a string, or the bytes (`Uint8Array`,
 * Node's `Buffer`, `ArrayBuffer`). A body that was parsed as JSON and
 * serialized again will not verify: whitespace and key order change the bytes.
 */
export type WebhookRawBody = string | ArrayBuffer | ArrayBufferView;
