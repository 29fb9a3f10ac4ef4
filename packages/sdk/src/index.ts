export const PLACEHOLDER = 'index';
