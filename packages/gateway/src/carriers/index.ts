// The carriers seam of the gateway: the versioned interface, profiles and the SMPP connector.
export type {
  BindState,
  BindStatus,
  Carrier,
  CarrierReceipt,
  CarrierState,
  EncodingHint,
  InboundHandler,
  InboundMessage,
  OutboundMessage,
  ReceiptHandler,
  SubmitOutcome,
} from './carrier';
export { CARRIER_INTERFACE_VERSION } from './carrier';
export type { CarrierProfile, CarrierProfileInput } from './profiles/carrier-profile';
export { carrierProfileSchema, carrierProfilesFileSchema } from './profiles/carrier-profile';
export {
  type CarrierConfig,
  CarrierProfileError,
  loadCarrierConfig,
  loadCarrierProfiles,
  parseCarrierConfig,
  parseCarrierProfiles,
} from './profiles/load-carrier-profiles';
export { type MessageIdStyle, normaliseMessageId } from './smpp/message-id';
export { RECEIPT_MESSAGE_STATES, receiptStateForMessageState, statusForReceiptState } from './smpp/receipt-state';
export { parseReceiptDate, parseReceiptText, type ReceiptTextFields } from './smpp/receipt-text';
export { connectSmppCarrier, SmppConnectError, type SmppConnectorOptions } from './smpp/smpp-connector';
