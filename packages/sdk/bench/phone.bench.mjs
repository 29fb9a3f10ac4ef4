// µs per call of parsePhoneNumber and checkPhoneNumber (@karvon/sdk/phone, built dist/) on
// numbers the gateway sees: fresh, mostly valid mobiles of UZ/RU/KZ/US/TR/DE, some landlines and
// invalid ones, half with formatting. A seeded PRNG makes the same inputs on every run.
// `node --expose-gc bench/phone.bench.mjs` after `pnpm --filter @karvon/sdk build`.
import * as phone from '../dist/phone/index.js';

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(0x4b415256);
const digits = (n) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
const pick = (list) => list[Math.floor(random() * list.length)];

// [prefix, national digits after it]
const SHAPES = [
  ['+99890', 7],
  ['+99893', 7],
  ['+99897', 7],
  ['+99888', 7],
  ['+99871', 7],
  ['+99861', 7],
  ['+7912', 7],
  ['+7495', 7],
  ['+7701', 7],
  ['+7727', 7],
  ['+1212', 7],
  ['+1800', 7],
  ['+90532', 7],
  ['+90212', 7],
  ['+49151', 8],
  ['+4930', 8],
  ['+9989', 6],
  ['+99890', 9],
];
function makeInputs(count) {
  const inputs = [];
  for (let i = 0; i < count; i++) {
    const [prefix, length] = pick(SHAPES);
    const raw = prefix + digits(length);
    inputs.push(random() < 0.5 ? raw : `${raw.slice(0, 4)} (${raw.slice(4, 6)}) ${raw.slice(6, 9)}-${raw.slice(9)}`);
  }
  return inputs;
}

const contenders = [['parsePhoneNumber', (s) => phone.parsePhoneNumber(s, { requireMobile: true })]];
if (typeof phone.checkPhoneNumber === 'function') {
  contenders.push(['checkPhoneNumber', (s) => phone.checkPhoneNumber(s, { requireMobile: true })]);
}

const ROUNDS = 9;
const PER_ROUND = 5_000;
const warm = makeInputs(5_000);
for (const [, fn] of contenders) for (const s of warm) fn(s);
const rounds = Array.from({ length: ROUNDS }, () => makeInputs(PER_ROUND));
const times = new Map(contenders.map(([name]) => [name, []]));
let sink = 0;
for (const inputs of rounds) {
  for (const [name, fn] of contenders) {
    globalThis.gc?.();
    const start = process.hrtime.bigint();
    for (const s of inputs) sink += fn(s).valid ? 1 : 0;
    times.get(name).push(Number(process.hrtime.bigint() - start) / 1e3 / inputs.length);
  }
}
for (const [name, list] of times) {
  list.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(18)} median ${list[ROUNDS >> 1].toFixed(2)} µs/call  (min ${list[0].toFixed(2)}, max ${list.at(-1).toFixed(2)}; ${ROUNDS} rounds × ${PER_ROUND} fresh inputs)`,
  );
}
if (sink < 0) console.log(sink);
