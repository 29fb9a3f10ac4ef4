import type { UzbekOperatorHint } from '../types';
import { UZBEK_OPERATOR_NAMES, UZBEKISTAN_OPERATOR_PREFIXES } from './uzbekistan';

const UZBEK_E164 = /^\+998(\d{2})\d{7}$/;

/**
 * The operator an Uzbek mobile number's prefix was allocated to, from an
 * E.164 number (`+998901234567`). `undefined` for other countries and for
 * prefixes not in the table. A hint only: numbers are portable since
 * October 2023 (see {@link UzbekOperatorHint}).
 */
export function getUzbekOperatorHint(e164: string): UzbekOperatorHint | undefined {
  const prefix = UZBEK_E164.exec(e164)?.[1];
  if (prefix === undefined) return undefined;
  const prefixes: Readonly<Record<string, keyof typeof UZBEK_OPERATOR_NAMES>> = UZBEKISTAN_OPERATOR_PREFIXES.prefixes;
  const operator = prefixes[prefix];
  if (operator === undefined) return undefined;
  return { operator, name: UZBEK_OPERATOR_NAMES[operator], prefix };
}
