// A deterministic corpus of SMS texts for the encoding benchmark: the same seed always
// gives the same messages, so figures and agreement counts compare across runs and machines.
//
// The mix is what an aggregator serving Uzbekistan and its neighbours sends: short
// GSM-7 notices, long GSM-7 texts with extension characters, emoji (ZWJ sequences, flags,
// skin tones), Uzbek Latin written with ʻ/ʼ (U+02BB/U+02BC, which force UCS-2) or with
// ASCII apostrophes (GSM-7), Russian and Uzbek Cyrillic, and texts built to sit exactly on
// the 160/161, 70/71 and 153·n / 67·n boundaries or to put an escape pair or a surrogate
// pair across a segment boundary, where counters disagree.

/** mulberry32: a small, fast, seedable PRNG; quality is ample for picking words. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEFAULT_SEED = 0x4b415256; // "KARV"
export const DEFAULT_SIZE = 10_000;

const GSM_WORDS = [
  'Your',
  'code',
  'is',
  'Order',
  'shipped',
  'today',
  'Thanks',
  'for',
  'your',
  'payment',
  'of',
  'USD',
  'balance',
  'Hello',
  'Reminder:',
  'appointment',
  'at',
  'tomorrow',
  'Delivery',
  'window',
  'reply',
  'STOP',
  'to',
  'opt',
  'out',
  'call',
  'us',
  'on',
  '+998',
  'ref',
  '#',
  '@',
  '£',
  '$',
  '¥',
  'café',
  'niño',
  'Müller',
  'Ärger',
  'Øresund',
  'Ålesund',
  'señor',
  'à',
  'bientôt?',
  'voilà',
  '50%',
  '(new)',
  'A&B',
  '"ok"',
  "it's",
  'e-mail:',
  'x_y',
  '§4',
  '¡Hola!',
  '¿Qué?',
  'Δ',
  'ΣΩ',
  'ß',
  'É',
  'Ç',
  '\n',
  'Toshkent',
  "O'zbekiston",
  "g'alaba",
  "ma'lumot",
  'kod:',
  'Sizning',
];
const GSM_EXTENSION = ['{', '}', '[', ']', '~', '|', '^', '€', '\\'];
const UZ_LATIN_WORDS = [
  'Oʻzbekiston',
  'gʻalaba',
  'maʼlumot',
  'taʼlim',
  'soʻm',
  'toʻlov',
  'qabul',
  'qilindi',
  'Sizning',
  'tasdiqlash',
  'kodingiz',
  'buyurtma',
  'yetkazib',
  'berildi',
  'rahmat',
  'hurmatli',
  'mijoz',
  'Toshkent',
  'shahri',
  'balans:',
  'soʻrov',
  'moʻljal',
  'koʻcha',
  'mavjud',
  'emas',
];
const RUSSIAN_WORDS = [
  'Ваш',
  'код',
  'подтверждения',
  'Заказ',
  'отправлен',
  'Спасибо',
  'за',
  'оплату',
  'баланс',
  'сум',
  'доставка',
  'завтра',
  'Уважаемый',
  'клиент',
  'ответьте',
  'СТОП',
  'чтобы',
  'отписаться',
  'ёлка',
  'счёт',
];
const UZ_CYRILLIC_WORDS = [
  'Ўзбекистон',
  'қабул',
  'қилинди',
  'ғалаба',
  'ҳурматли',
  'мижоз',
  'тўлов',
  'сўм',
  'Тошкент',
  'буюртма',
  'етказиб',
  'берилди',
  'Сизнинг',
  'тасдиқлаш',
  'кодингиз',
  'маълумот',
  'ҳисоб',
];
const EMOJI = [
  '😀',
  '🎉',
  '👍',
  '👍🏽',
  '❤️',
  '✅',
  '🚚',
  '📦',
  '🔥',
  '🙏🏻',
  '👨‍👩‍👧‍👦', // family: 4 people joined by ZWJ, one grapheme of 11 code units
  '👩🏽‍💻', // woman technologist, medium skin tone
  '🏳️‍🌈', // rainbow flag: flag + VS16 + ZWJ + rainbow
  '🇺🇿',
  '🇷🇺',
  '🇹🇷', // regional indicator pairs
];
const TURKISH_WORDS = [
  'Doğrulama',
  'kodunuz',
  'Siparişiniz',
  'kargoya',
  'verildi',
  'Teşekkürler',
  'ödemeniz',
  'alındı',
  'İstanbul',
  'şubesi',
  'ılık',
  'günü',
  'çarşı',
  'müşteri',
  'Hesabınız',
  'yarın',
  'ŞİMDİ',
  'Ğ',
];

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

function int(rand, min, max) {
  return min + Math.floor(rand() * (max - min + 1));
}

/** Words joined by spaces until the text is at least `minLength` UTF-16 units long. */
function words(rand, list, minLength, extras = () => null) {
  let text = '';
  while (text.length < minLength) {
    const extra = extras();
    text += (text === '' ? '' : ' ') + (extra ?? pick(rand, list));
  }
  return text;
}

/** Basic-alphabet GSM-7 text of exactly `septets` septets (every character here costs one). */
function gsmBasic(rand, septets) {
  const plain = GSM_WORDS.filter((w) => /^[A-Za-z0-9 .,:;!?'"#%&()*+\-/<=>@£$¥_§]+$/.test(w));
  return words(rand, plain, septets).slice(0, septets);
}

/** UCS-2 text of exactly `units` code units, all in the BMP (Cyrillic words). */
function ucs2Basic(rand, units) {
  return words(rand, rand() < 0.5 ? RUSSIAN_WORDS : UZ_CYRILLIC_WORDS, units).slice(0, units);
}

const KINDS = [
  // [kind, weight, make(rand)]
  ['short-gsm', 24, (rand) => gsmBasic(rand, int(rand, 1, 160))],
  [
    'long-gsm-extension',
    15,
    (rand) => words(rand, GSM_WORDS, int(rand, 161, 700), () => (rand() < 0.08 ? pick(rand, GSM_EXTENSION) : null)),
  ],
  [
    'emoji',
    12,
    (rand) =>
      words(rand, GSM_WORDS, int(rand, 10, 300), () => (rand() < 0.15 ? pick(rand, EMOJI) : null)) + pick(rand, EMOJI),
  ],
  [
    'uzbek-latin',
    12,
    (rand) => {
      const text = words(rand, UZ_LATIN_WORDS, int(rand, 20, 400));
      // A third written with ASCII apostrophes, as many phones type it: that is GSM-7.
      return rand() < 0.33 ? text.replace(/[ʻʼ]/g, "'") : text;
    },
  ],
  ['russian', 7, (rand) => words(rand, RUSSIAN_WORDS, int(rand, 10, 400))],
  ['uzbek-cyrillic', 6, (rand) => words(rand, UZ_CYRILLIC_WORDS, int(rand, 10, 400))],
  [
    'gsm-boundary',
    8,
    (rand) => {
      const septets = pick(rand, [160, 161, 306, 307, 459, 460, 612, 613]);
      // Half of them reach the boundary through an extension character (2 septets).
      if (rand() < 0.5) {
        const at = int(rand, 0, septets - 3);
        const base = gsmBasic(rand, septets - 2);
        return base.slice(0, at) + pick(rand, GSM_EXTENSION) + base.slice(at);
      }
      return gsmBasic(rand, septets);
    },
  ],
  ['ucs2-boundary', 6, (rand) => ucs2Basic(rand, pick(rand, [70, 71, 134, 135, 201, 202, 268, 269]))],
  [
    // An escape pair that would straddle septets 152/153 of the first part: 3GPP-aware
    // counters move it whole to the next part, which can add a part.
    'extension-straddle',
    5,
    (rand) => {
      const parts = int(rand, 2, 4);
      const before = 153 * (parts - 1) - 1;
      return gsmBasic(rand, before) + pick(rand, GSM_EXTENSION) + gsmBasic(rand, 153 + int(rand, -2, 1));
    },
  ],
  [
    // A surrogate pair, or a whole ZWJ sequence, across UCS-2 units 66/67 of a part.
    'surrogate-straddle',
    5,
    (rand) => {
      const emoji = pick(rand, EMOJI);
      const before = 67 * int(rand, 1, 3) - int(rand, 1, Math.max(1, emoji.length - 1));
      return ucs2Basic(rand, before) + emoji + ucs2Basic(rand, int(rand, 60, 70));
    },
  ],
];

const TOTAL_WEIGHT = KINDS.reduce((sum, [, weight]) => sum + weight, 0);

/**
 * The corpus: `size` messages, each `{ kind, text }`, identical for identical arguments.
 * @param {number} [size]
 * @param {number} [seed]
 * @returns {{ kind: string, text: string }[]}
 */
export function buildCorpus(size = DEFAULT_SIZE, seed = DEFAULT_SEED) {
  const rand = prng(seed);
  const corpus = [];
  for (let i = 0; i < size; i++) {
    let roll = rand() * TOTAL_WEIGHT;
    let chosen = KINDS[0];
    for (const kind of KINDS) {
      roll -= kind[1];
      if (roll < 0) {
        chosen = kind;
        break;
      }
    }
    corpus.push({ kind: chosen[0], text: chosen[2](rand) });
  }
  return corpus;
}

/** A Turkish text of a few hundred characters for the national-tables figure. */
export function turkishSample(seed = DEFAULT_SEED) {
  return words(prng(seed), TURKISH_WORDS, 300);
}
