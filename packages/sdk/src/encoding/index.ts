export const PLACEHOLDER = 'encoding/index';
