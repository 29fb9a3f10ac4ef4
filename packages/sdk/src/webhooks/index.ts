export const PLACEHOLDER = 'webhooks/index';
