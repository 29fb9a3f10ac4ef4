import { expectTypeOf, it } from 'vitest';
import { parsePhoneNumber } from './parse-phone-number';
import type { PhoneNumberErrorReason, PhoneNumberType, UzbekOperatorHint } from './types';

it('narrows the result on valid', () => {
  const result = parsePhoneNumber('+998901234567');
  if (result.valid) {
    expectTypeOf(result.e164).toEqualTypeOf<string>();
    expectTypeOf(result.type).toEqualTypeOf<PhoneNumberType>();
    expectTypeOf(result.operatorHint).toEqualTypeOf<UzbekOperatorHint | undefined>();
    // @ts-expect-error a valid result has no reason
    void result.reason;
  } else {
    expectTypeOf(result.reason).toEqualTypeOf<PhoneNumberErrorReason>();
    // @ts-expect-error a rejected result has no e164
    void result.e164;
  }
});
