import fc from 'fast-check';

// fast-check arbitraries shared by the encoding tests.

const GSM_BASIC = [...'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCXYZÄÖÑÜ§¿abcxyzäöñüà'];
const GSM_EXTENSION = [...'^{}\\[~]|€\f'];
const CYRILLIC = [...'ПриветмирЎўҚқҒғҲҳЁё'];
const UZBEK = ['oʻ', 'gʻ', 'ʼ', 'Oʻzbekiston', 'ta’lim', 'sh', 'ch'];
const EMOJI = ['😀', '👍🏽', '🇺🇿', '👨‍👩‍👧', 'é', 'e\u0301'];

const pieces = (chars: readonly string[]) => fc.constantFrom(...chars);

/** Text in the GSM 7-bit default alphabet and extension table only. */
export const gsmText = fc
  .array(fc.oneof({ weight: 5, arbitrary: pieces(GSM_BASIC) }, pieces(GSM_EXTENSION)), { maxLength: 700 })
  .map((parts) => parts.join(''));

/** A mix of GSM basic, extension, Cyrillic, Uzbek Latin and emoji, long enough to need parts. */
export const mixedText = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: pieces(GSM_BASIC) },
      { weight: 2, arbitrary: pieces(GSM_EXTENSION) },
      { weight: 1, arbitrary: pieces(CYRILLIC) },
      { weight: 1, arbitrary: pieces(UZBEK) },
      { weight: 1, arbitrary: pieces(EMOJI) },
    ),
    { maxLength: 600 },
  )
  .map((parts) => parts.join(''));
