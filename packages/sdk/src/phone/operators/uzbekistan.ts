/**
 * Uzbekistan (+998) mobile prefixes and the operator each was allocated to.
 *
 * This is data, kept in one place so it is easy to update: edit the table,
 * bump `lastReviewed`, run `pnpm exec vitest run src/phone`.
 *
 * The prefix is the first two digits of the national significant number
 * (+998 90 123 45 67 → "90"). Only two-digit mobile blocks are listed; the
 * regional blocks that libphonenumber marks as mobile at 6–8 digit granularity
 * (e.g. fixed-wireless ranges in 6x/7x) are left out and give no hint.
 *
 * Sources (read 2026-11-25):
 * - google/libphonenumber resources/carrier/en/998.txt (newest stored revision):
 *   20 Beeline, 33 HUMANS, 50 Ucell, 77 Uzbektelecom, 88 MobiUZ, 90/91/92 Beeline,
 *   93/94 Ucell, 95/99 Uzbektelecom, 97 MobiUZ, 98 Perfectum.
 * - sent.dm "Phone Numbers in Uzbekistan": Beeline 90/91, Ucell 93/94,
 *   Uzmobile 77/95/99, Mobiuz 88/97, Perfectum 98 (and 55 as Uztelecom VoIP,
 *   which libphonenumber classes as fixed line, so it is not listed here).
 * - ucell.uz roaming FAQ: Ucell subscribers are +998 93 and +998 94.
 * - zamin.uz, 2023-10-27: mobile number portability (MNP) launched on
 *   27 October 2023; operators named: Beeline, Mobiuz, Ucell, Uztelecom, Humans.
 *
 * Where sources disagree:
 * - 92: libphonenumber's current data says Beeline; an older revision
 *   (python-phonenumbers fork) says UMS (now Mobiuz). We follow the newer one.
 * - 20: libphonenumber says Beeline. The block is widely reported as used by
 *   the "OQ" brand; we found no primary source tying OQ to an operator, so the
 *   hint names the allocation holder from libphonenumber.
 * - 77 and 88: some community code maps 77 → Mobiuz and 88 → Perfectum;
 *   libphonenumber and sent.dm agree on 77 → Uzmobile, 88 → Mobiuz.
 * - 98 (Perfectum): the company was privatised in 2024 (gazeta.uz, 2024-08-21,
 *   plans for a Vodafone-branded network); the block may be rebranded.
 */
export const UZBEKISTAN_OPERATOR_PREFIXES = {
  lastReviewed: '2026-11-25',
  prefixes: {
    '20': 'beeline',
    '33': 'humans',
    '50': 'ucell',
    '77': 'uzmobile',
    '88': 'mobiuz',
    '90': 'beeline',
    '91': 'beeline',
    '92': 'beeline',
    '93': 'ucell',
    '94': 'ucell',
    '95': 'uzmobile',
    '97': 'mobiuz',
    '98': 'perfectum',
    '99': 'uzmobile',
  },
} as const satisfies {
  lastReviewed: string;
  prefixes: Readonly<Record<string, UzbekMobileOperator>>;
};

/** Operators that hold Uzbek mobile prefix allocations, by stable id. */
export type UzbekMobileOperator = 'beeline' | 'ucell' | 'mobiuz' | 'uzmobile' | 'humans' | 'perfectum';

/** Display names of the operators, as their brands write them. */
export const UZBEK_OPERATOR_NAMES: Readonly<Record<UzbekMobileOperator, string>> = {
  beeline: 'Beeline',
  ucell: 'Ucell',
  mobiuz: 'Mobiuz',
  uzmobile: 'Uzmobile',
  humans: 'Humans',
  perfectum: 'Perfectum Mobile',
};
