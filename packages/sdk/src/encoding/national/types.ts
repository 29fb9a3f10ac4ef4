/**
 * A national language shift table pair from 3GPP TS 23.038 §6.2.1.2.4 / §6.2.1.2.5.
 *
 * Either half may be absent: Spanish, for instance, defines only a single shift
 * table and keeps the default GSM 7-bit alphabet as its locking shift.
 */
export interface NationalLanguageTables {
  /** Human name, e.g. `'Turkish'`. */
  readonly language: string;
  /** The national language identifier put in the UDH (IEI 0x24 / 0x25), e.g. 1 for Turkish. */
  readonly id: number;
  /**
   * Locking shift table: exactly 128 entries, index = septet value; replaces the default
   * alphabet for the whole message (UDH IEI 0x25, 3 bytes). Unassigned positions are `null`.
   */
  readonly lockingShift?: readonly (string | null)[];
  /**
   * Single shift table: septet value → character, reached with the escape 0x1B (2 septets each);
   * replaces the default extension table (UDH IEI 0x24, 3 bytes). 0x1B itself and 0x0A/0x0D
   * keep their special meanings.
   */
  readonly singleShift?: Readonly<Record<number, string>>;
}
