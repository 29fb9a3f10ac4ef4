export const CONTRACT_PLACEHOLDER = true;
