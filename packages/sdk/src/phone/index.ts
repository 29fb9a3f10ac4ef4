export const PLACEHOLDER = 'phone/index';
