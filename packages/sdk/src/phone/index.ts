export { checkPhoneNumber } from './check-phone-number';
export { formatPhoneNumber } from './format-phone-number';
export { isValidMobileNumber } from './is-valid-mobile-number';
export { maskPhoneNumber } from './mask-phone-number';
export { normalizePhoneInput } from './normalize-phone-input';
export { getUzbekOperatorHint } from './operators/uzbek-operator-hint';
export { UZBEK_OPERATOR_NAMES, UZBEKISTAN_OPERATOR_PREFIXES, type UzbekMobileOperator } from './operators/uzbekistan';
export { parsePhoneNumber } from './parse-phone-number';
export type {
  CheckedPhoneNumber,
  CheckPhoneNumberResult,
  ParsedPhoneNumber,
  ParsePhoneNumberOptions,
  ParsePhoneNumberResult,
  PhoneNumberError,
  PhoneNumberErrorReason,
  PhoneNumberFormat,
  PhoneNumberOptions,
  PhoneNumberType,
  UzbekOperatorHint,
} from './types';
