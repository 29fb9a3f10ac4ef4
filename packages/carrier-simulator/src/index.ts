// The public surface of @karvon/carrier-simulator. Explicit named exports only.

export type { BindMode } from './binds/bind-mode';
export type { FaultKind, FaultSpec, FaultTarget } from './faults/fault';
export type { FaultController } from './faults/fault-controller';
export type { MessageIdFormat, MessageIdStyle } from './message-ids/message-id-format';
export { formatMessageId } from './message-ids/message-id-format';
export type { MoMessage } from './mo/mo-message';
export type { CarrierOutcome } from './outcomes/carrier-outcome';
export { carrierOutcome } from './outcomes/carrier-outcome';
export { formatReceiptDate } from './receipts/receipt-date';
export type { ReceiptState } from './receipts/receipt-state';
export { RECEIPT_STATES } from './receipts/receipt-state';
export type { ReceiptTextFields } from './receipts/receipt-text';
export { formatReceiptText } from './receipts/receipt-text';
export type { CarrierSimulatorOptions, SimulatorAccount } from './server/carrier-simulator-options';
export type { CarrierSimulator, Submission } from './server/start-carrier-simulator';
export { startCarrierSimulator } from './server/start-carrier-simulator';
export type { SimulatorStats, SubmitCount } from './stats/pdu-stats';
