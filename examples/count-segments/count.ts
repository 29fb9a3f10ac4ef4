// Counts the segments of the text given on the command line (or of stdin), the way the gateway will
// price it: `node count.ts "Buyurtmangiz yoʻlda!"`.
import { analyze, split } from '@karvon/sdk/encoding';
import { portuguese, spanish, turkish } from '@karvon/sdk/encoding/national';

const text = process.argv.slice(2).join(' ') || (await readStdin());
const plain = analyze(text);
const smart = analyze(text, { smartEncoding: true });
const national = analyze(text, { nationalTables: [turkish, spanish, portuguese] });

console.log(`${plain.encoding}: ${plain.segments} segment(s), ${plain.unitsLeft} units left in the last one`);
if (plain.nonGsmCharacters.length > 0) {
  const shown = plain.nonGsmCharacters.slice(0, 10).map((c) => `${c.character} at ${c.index}`);
  console.log(`forced UCS-2 by: ${shown.join(', ')}${plain.nonGsmCharacters.length > 10 ? ', …' : ''}`);
}
if (smart.segments < plain.segments || smart.encoding !== plain.encoding) {
  console.log(
    `with smartEncoding: ${smart.encoding}, ${smart.segments} segment(s) (${smart.replacements?.length} replacements)`,
  );
}
if (national.segments < plain.segments) {
  const { locking, single } = national.shiftTables;
  console.log(
    `with national tables (locking ${locking ?? 'default'}, single ${single ?? 'default'}): ${national.segments} segment(s)`,
  );
}
for (const [index, part] of split(text).parts.entries()) {
  console.log(
    `part ${index + 1}: ${part.units} units, UDH ${part.udh.length} bytes, ${part.payload.length} payload bytes`,
  );
}

async function readStdin(): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Uint8Array);
  return new TextDecoder().decode(Buffer.concat(chunks)).trimEnd();
}
