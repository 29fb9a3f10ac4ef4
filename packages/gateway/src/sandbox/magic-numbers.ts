/**
 * The sandbox: messages sent with a test key (`kv_test_…`) never reach a
 * carrier. The gateway plays the carrier instead, and the recipient number
 * decides what happens. The table itself lives in the contract so the carrier
 * simulator answers the same numbers; sandbox-steps.ts holds the gateway's
 * side (how each outcome moves a message through the state machine).
 */
export type { MagicNumber, SandboxBehaviour, SandboxOutcome } from '@karvon/contract';
export { isMagicNumber, SANDBOX_DEFAULT_BEHAVIOUR, SANDBOX_MAGIC_NUMBERS, sandboxOutcome } from '@karvon/contract';
