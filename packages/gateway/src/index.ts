export const GATEWAY_PLACEHOLDER = true;
