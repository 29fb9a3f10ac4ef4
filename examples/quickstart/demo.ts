// `npm start` runs this until the gateway lands: the SDK's offline parts on a few real messages.
import { analyze } from '@karvon/sdk/encoding';
import { turkish } from '@karvon/sdk/encoding/national';
import { maskPhoneNumber, parsePhoneNumber } from '@karvon/sdk/phone';
import { generateWebhookSecret, signWebhook, verifyWebhook } from '@karvon/sdk/webhooks';

const samples: Array<[label: string, text: string]> = [
  ['Short GSM-7', 'Your code is 482913. It expires in 5 minutes.'],
  ['Uzbek Latin with ʻ', 'Buyurtmangiz yoʻlda! Kuryer soat 14:00 da keladi. Savollar uchun: 1234'],
  ['Uzbek Cyrillic', 'Буюртмангиз йўлда! Курьер соат 14:00 да келади.'],
  ['Emoji', 'Happy birthday! 🎉🎂 Enjoy 20% off today.'],
  ['GSM-7 with extension characters', 'Promo {SPRING} [20%] ~ only €15 | ends ^ soon \\o/'],
];

console.log('Segments, encoding and what forced UCS-2:\n');
for (const [label, text] of samples) {
  const plain = analyze(text);
  const smart = analyze(text, { smartEncoding: true });
  const forced = plain.nonGsmCharacters.map((c) => c.character).join(' ');
  console.log(
    `  ${label.padEnd(34)} ${plain.encoding.padEnd(5)} ${plain.segments} segment(s), ${plain.unitsLeft} left`,
  );
  if (forced) console.log(`  ${''.padEnd(34)} forced UCS-2 by: ${[...new Set(forced.split(' '))].join(' ')}`);
  if (smart.encoding !== plain.encoding) {
    console.log(
      `  ${''.padEnd(34)} with smartEncoding: ${smart.encoding}, ${smart.segments} segment(s): "${smart.text}"`,
    );
  }
}

const turkishText = 'Siparişiniz yola çıktı. Kargo takip numarası: 12345. İyi günler dileriz, ğüşiöç ĞÜŞİÖÇ.';
const withTables = analyze(turkishText, { nationalTables: [turkish] });
console.log(
  `\nTurkish national shift tables: ${analyze(turkishText).segments} segment(s) as UCS-2,` +
    ` ${withTables.segments} as GSM-7 with ${withTables.shiftTables.single ?? 'no'} single shift (UDH ${withTables.udhBytes} bytes)`,
);

console.log('\nPhone numbers (Uzbekistan first):\n');
for (const input of ['+998 (90) 123-45-67', '93 123 45 67', '+998 71 123 45 67', '12345']) {
  const parsed = parsePhoneNumber(input, { defaultCountry: 'UZ' });
  if (parsed.valid) {
    const operator = parsed.operatorHint ? `, operator hint ${parsed.operatorHint.name}` : '';
    console.log(`  ${input.padEnd(22)} → ${maskPhoneNumber(parsed.e164)} ${parsed.type}${operator}`);
  } else {
    console.log(`  ${input.padEnd(22)} → rejected: ${parsed.reason}`);
  }
}

const secret = generateWebhookSecret();
const body = JSON.stringify({
  id: 'evt_demo',
  type: 'message.delivered',
  timestamp: new Date().toISOString(),
  apiVersion: '2026-11-01',
  data: { messageId: 'msg_demo', status: 'delivered', to: '+998901234567', segments: 1 },
});
const headers = await signWebhook({ id: 'evt_demo', body, secret });
const event = await verifyWebhook(body, headers, secret);
console.log(`\nA Standard Webhooks signature made and verified: ${event.type}`);
console.log('\nThe gateway (`npm start` will run it) arrives with the next issue. See README.md.');
