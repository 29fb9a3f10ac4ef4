export const PLACEHOLDER = 'national';
