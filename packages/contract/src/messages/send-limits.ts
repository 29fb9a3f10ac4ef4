/**
 * Limits of a send request, shared by the SDK (to fail early) and the gateway
 * (to validate). Lengths count Unicode code points, as JSON Schema's
 * maxLength and zod 4 do, so an emoji counts once.
 */
export const SEND_LIMITS = {
  /** Messages in one batch request. */
  maxBatchSize: 1000,
  /**
   * Characters of `body`. 1600 is the usual industry cap: at most 11 GSM-7
   * segments (153 characters each) or 24 UCS-2 segments (67 each). An account
   * may have a lower segment limit, enforced by the gateway.
   */
  maxBodyLength: 1600,
  /** An alphanumeric sender ID is at most 11 characters (GSM 03.38 / TP-OA). */
  maxAlphanumericSenderLength: 11,
  maxMetadataKeys: 20,
  maxMetadataKeyLength: 40,
  maxMetadataValueLength: 500,
  maxVariables: 100,
  maxVariableValueLength: 1600,
  maxClientReferenceLength: 128,
  maxTemplateReferenceLength: 128,
  maxCallbackUrlLength: 2048,
  /** Validity period bounds in seconds: one minute to 72 hours. */
  minValidityPeriod: 60,
  maxValidityPeriod: 259_200,
} as const;
