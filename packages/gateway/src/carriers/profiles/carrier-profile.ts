import { z } from 'zod';
import { routesSchema, validateRoutesAgainstCarriers } from '../../routing/route-table';

// TON/NPI per SMPP 3.4 §5.2.5/§5.2.6: TON 0 unknown, 1 international, 2 national, 3 network
// specific, 4 subscriber number, 5 alphanumeric, 6 abbreviated; NPI 0 unknown, 1 ISDN (E.164).
const tonNpi = z.object({ ton: z.int().min(0).max(6), npi: z.int().min(0).max(18) });

const messageIdStyle = z.enum(['decimal', 'hex', 'opaque']);

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'not an IANA time zone (e.g. Asia/Tashkent)');

const vendorCode = z
  .string()
  .regex(/^0x[0-9a-f]{3}$/i, 'a vendor error code written as 0x400 to 0x4FF')
  .refine((code) => {
    const value = Number.parseInt(code, 16);
    return value >= 0x400 && value <= 0x4ff;
  }, 'vendor error codes lie from 0x400 to 0x4FF (SMPP 3.4 §5.1.3)');

const vendorError = z.object({
  kind: z.enum(['temporary', 'permanent']),
  /** Permanent only: the recipient was refused (unknown or barred subscriber). */
  bounced: z.boolean().default(false),
  reason: z.string().optional(),
});

/** One carrier account: where it is, how to bind, and the dialect of SMPP it speaks. */
export const carrierProfileSchema = z
  .object({
    id: z.string().min(1),
    host: z.string().min(1),
    port: z.int().min(1).max(65535),
    tls: z.boolean().default(false),
    systemId: z.string().min(1).max(15),
    password: z.string().max(8),
    systemType: z.string().max(12).default(''),
    /** transmitter_receiver: receipts and MO arrive only on the receiver. */
    bindMode: z.enum(['transceiver', 'transmitter_receiver']).default('transceiver'),
    /** Sessions the account may hold open at once, all modes counted. */
    binds: z.int().min(1).max(64).default(1),
    /** Submits per second for the whole account. */
    tps: z.number().positive(),
    /** submit_sm outstanding per bind. */
    windowSize: z.int().min(1).max(1000).default(10),
    responseTimeoutMs: z.int().min(1).default(10_000),
    enquireLinkMs: z.int().min(1).default(30_000),
    reconnect: z
      .object({ initialMs: z.int().min(1).default(500), maxMs: z.int().min(1).default(30_000) })
      .default({ initialMs: 500, maxMs: 30_000 }),
    sourceAddress: z.object({ alphanumeric: tonNpi, long_code: tonNpi, short_code: tonNpi }).default({
      alphanumeric: { ton: 5, npi: 0 },
      long_code: { ton: 1, npi: 1 },
      // Network specific; some carriers want 6 (abbreviated) for short codes instead.
      short_code: { ton: 3, npi: 0 },
    }),
    /** E.164 digits with or without the `+` (TON 1, NPI 1 either way). */
    destinationFormat: z.enum(['international', 'international_plus']).default('international'),
    /** What this carrier's data_coding values mean (SMPP 3.4 §5.2.19). */
    dataCoding: z
      .object({
        gsm7: z.int().min(0).max(255).default(0x00),
        latin1: z.int().min(0).max(255).default(0x03),
        ucs2: z.int().min(0).max(255).default(0x08),
      })
      .default({ gsm7: 0x00, latin1: 0x03, ucs2: 0x08 }),
    longMessageMode: z.enum(['udh8', 'udh16', 'sar', 'message_payload']).default('udh8'),
    registeredDeliveryOn: z.enum(['every_part', 'last_part']).default('every_part'),
    validity: z.enum(['absolute', 'relative']).default('relative'),
    /** Zone of receipt dates written without one (carriers in Tashkent write UTC+5). */
    receiptTimeZone: timeZone.default('UTC'),
    /** How ids are written in submit_sm_resp, in the receipt text and in receipted_message_id. */
    messageIdFormat: z
      .object({
        response: messageIdStyle.default('opaque'),
        receipt: messageIdStyle.default('opaque'),
        receiptedMessageId: messageIdStyle.optional(),
      })
      .default({ response: 'opaque', receipt: 'opaque' }),
    vendorErrors: z.record(vendorCode, vendorError).default({}),
    /** A message with no final receipt by then becomes `unknown` (a late receipt still resolves it). Default 48 h. */
    receiptTimeoutMs: z.int().min(1).default(172_800_000),
    /** A receipt that arrives before its submit_sm_resp is held this long for matching, then counted unmatched. */
    heldReceiptWindowMs: z.int().min(1).default(60_000),
    /** Vendor codes not in `vendorErrors`: not accepted, so safe to resend by default. */
    unmappedVendorErrors: z.enum(['temporary', 'permanent']).default('temporary'),
  })
  .superRefine((profile, ctx) => {
    if (profile.bindMode === 'transmitter_receiver' && profile.binds < 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['binds'],
        message: 'transmitter_receiver needs at least 2 binds (one transmitter and one receiver)',
      });
    }
    if (profile.reconnect.maxMs < profile.reconnect.initialMs) {
      ctx.addIssue({ code: 'custom', path: ['reconnect', 'maxMs'], message: 'must be at least initialMs' });
    }
  });

/** A validated carrier profile, defaults filled in. */
export type CarrierProfile = z.output<typeof carrierProfileSchema>;
/** A carrier profile as written in the file. */
export type CarrierProfileInput = z.input<typeof carrierProfileSchema>;

export const carrierProfilesFileSchema = z
  .object({
    carriers: z.array(carrierProfileSchema).min(1),
    /** Absent: every carrier takes any traffic, in file order (the first is primary). */
    routes: routesSchema.optional(),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.carriers.forEach((carrier, index) => {
      if (seen.has(carrier.id))
        ctx.addIssue({
          code: 'custom',
          path: ['carriers', index, 'id'],
          message: `duplicate carrier id ${carrier.id}`,
        });
      seen.add(carrier.id);
    });
    for (const issue of validateRoutesAgainstCarriers(file.routes ?? [], [...seen])) {
      ctx.addIssue({ code: 'custom', path: ['routes', issue.index, 'carrier'], message: issue.message });
    }
  });
