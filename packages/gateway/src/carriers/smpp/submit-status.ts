import type { CarrierProfile } from '../profiles/carrier-profile';

/** What a non-zero submit_sm_resp command_status means for the message. */
export type SubmitStatusClass =
  | { readonly kind: 'throttled'; readonly reason: string }
  | { readonly kind: 'temporary'; readonly reason: string }
  | { readonly kind: 'permanent'; readonly reason: string; readonly bounced: boolean };

type Entry = readonly [name: string, kind: 'throttled' | 'temporary' | 'permanent', bounced?: boolean];

// SMPP 3.4 §5.1.3 command_status values a submit_sm_resp can carry. Temporary ones were not
// accepted and may be sent again; permanent ones would fail the same way again.
const STANDARD: Readonly<Record<number, Entry>> = {
  1: ['ESME_RINVMSGLEN', 'permanent'],
  2: ['ESME_RINVCMDLEN', 'temporary'],
  3: ['ESME_RINVCMDID', 'temporary'],
  4: ['ESME_RINVBNDSTS', 'temporary'],
  5: ['ESME_RALYBND', 'temporary'],
  8: ['ESME_RSYSERR', 'temporary'],
  10: ['ESME_RINVSRCADR', 'permanent'],
  11: ['ESME_RINVDSTADR', 'permanent', true],
  12: ['ESME_RINVMSGID', 'permanent'],
  20: ['ESME_RMSGQFUL', 'throttled'],
  21: ['ESME_RINVSERTYP', 'permanent'],
  67: ['ESME_RINVESMCLASS', 'permanent'],
  69: ['ESME_RSUBMITFAIL', 'temporary'],
  72: ['ESME_RINVSRCTON', 'permanent'],
  73: ['ESME_RINVSRCNPI', 'permanent'],
  80: ['ESME_RINVDSTTON', 'permanent'],
  81: ['ESME_RINVDSTNPI', 'permanent'],
  83: ['ESME_RINVSYSTYP', 'permanent'],
  88: ['ESME_RTHROTTLED', 'throttled'],
  97: ['ESME_RINVSCHED', 'permanent'],
  98: ['ESME_RINVEXPIRY', 'permanent'],
  99: ['ESME_RINVDFTMSGID', 'permanent'],
  100: ['ESME_RX_T_APPN', 'temporary'],
  101: ['ESME_RX_P_APPN', 'permanent'],
  102: ['ESME_RX_R_APPN', 'permanent'],
  192: ['ESME_RINVOPTPARSTREAM', 'permanent'],
  193: ['ESME_ROPTPARNOTALLWD', 'permanent'],
  194: ['ESME_RINVPARLEN', 'permanent'],
  195: ['ESME_RMISSINGOPTPARAM', 'permanent'],
  196: ['ESME_RINVOPTPARAMVAL', 'permanent'],
  255: ['ESME_RUNKNOWNERR', 'temporary'],
};

const hex = (status: number) => `0x${status.toString(16).padStart(8, '0')}`;

/** Classifies a submit_sm_resp error by the SMPP table and the profile's vendor codes (0x400–0x4FF). */
export function classifySubmitStatus(
  status: number,
  profile: Pick<CarrierProfile, 'vendorErrors' | 'unmappedVendorErrors'>,
): SubmitStatusClass {
  if (status >= 0x400 && status <= 0x4ff) {
    const key = Object.keys(profile.vendorErrors).find((code) => Number.parseInt(code, 16) === status);
    const vendor = key === undefined ? undefined : profile.vendorErrors[key];
    const reason = `vendor error ${hex(status)}${vendor?.reason === undefined ? '' : ` (${vendor.reason})`}`;
    const kind = vendor?.kind ?? profile.unmappedVendorErrors;
    return kind === 'permanent' ? { kind, reason, bounced: vendor?.bounced ?? false } : { kind, reason };
  }
  const entry = STANDARD[status];
  const reason = entry === undefined ? `command_status ${hex(status)}` : `${entry[0]} (${hex(status)})`;
  if (entry?.[1] === 'permanent') return { kind: 'permanent', reason, bounced: entry[2] ?? false };
  return { kind: entry?.[1] ?? 'temporary', reason };
}
