/**
 * Parses the TOML that shopify.app.toml uses, and no more: `[table]`, `[a.b]`, `[[array.of.tables]]`,
 * `key = value` with basic strings, booleans, integers and (multi-line) arrays of those, and
 * comments. Anything else throws with its line number, so a construct this cannot read fails the
 * test instead of being misread. No TOML parser is installed and a test does not justify one.
 */
export type TomlValue = string | number | boolean | TomlValue[] | TomlTable | TomlTable[];
export interface TomlTable {
  [key: string]: TomlValue;
}

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

function stripComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"' && line[i - 1] !== '\\') inString = !inString;
    if (char === '#' && !inString) return line.slice(0, i);
  }
  return line;
}

function parseScalar(text: string, lineNo: number): string | number | boolean {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^[+-]?\d+$/.test(text)) return Number(text);
  const string = /^"((?:[^"\\]|\\.)*)"$/.exec(text);
  if (string) return JSON.parse(`"${string[1]}"`) as string;
  throw new Error(`line ${lineNo}: unsupported value ${text}`);
}

function parseValue(text: string, lineNo: number): TomlValue {
  if (!text.startsWith('[')) return parseScalar(text, lineNo);
  if (!text.endsWith(']')) throw new Error(`line ${lineNo}: unclosed array`);
  const items: TomlValue[] = [];
  const inner = text.slice(1, -1);
  let current = '';
  let inString = false;
  for (let i = 0; i < inner.length; i++) {
    const char = inner[i];
    if (char === '"' && inner[i - 1] !== '\\') inString = !inString;
    if (char === ',' && !inString) {
      if (current.trim() !== '') items.push(parseScalar(current.trim(), lineNo));
      current = '';
    } else {
      current += char;
    }
  }
  if (current.trim() !== '') items.push(parseScalar(current.trim(), lineNo));
  return items;
}

function descend(root: TomlTable, path: string[], lineNo: number): TomlTable {
  let table = root;
  for (const key of path) {
    const next = table[key] ?? {};
    table[key] = next;
    const resolved = Array.isArray(next) ? next[next.length - 1] : next;
    if (typeof resolved !== 'object' || resolved === null || Array.isArray(resolved)) {
      throw new Error(`line ${lineNo}: ${key} is not a table`);
    }
    table = resolved as TomlTable;
  }
  return table;
}

function splitKey(text: string, lineNo: number): string[] {
  const parts = text.split('.').map((part) => part.trim());
  if (!parts.every((part) => BARE_KEY.test(part))) throw new Error(`line ${lineNo}: unsupported key ${text}`);
  return parts;
}

export function parseTomlSubset(source: string): TomlTable {
  const root: TomlTable = {};
  let table = root;
  const lines = source.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let line = stripComment(lines[i] ?? '').trim();
    if (line === '') continue;
    const arrayHeader = /^\[\[([^\]]+)\]\]$/.exec(line);
    const tableHeader = /^\[([^\]]+)\]$/.exec(line);
    if (arrayHeader) {
      const path = splitKey(arrayHeader[1] ?? '', lineNo);
      const parent = descend(root, path.slice(0, -1), lineNo);
      const last = path[path.length - 1] as string;
      const list = parent[last] ?? [];
      if (!Array.isArray(list)) throw new Error(`line ${lineNo}: ${last} is not an array of tables`);
      parent[last] = list;
      table = {};
      (list as TomlTable[]).push(table);
      continue;
    }
    if (tableHeader) {
      table = descend(root, splitKey(tableHeader[1] ?? '', lineNo), lineNo);
      continue;
    }
    const equals = line.indexOf('=');
    if (equals < 0) throw new Error(`line ${lineNo}: expected key = value`);
    const key = splitKey(line.slice(0, equals).trim(), lineNo);
    let value = line.slice(equals + 1).trim();
    // A multi-line array runs until the line that closes it.
    while (value.startsWith('[') && !value.endsWith(']') && i + 1 < lines.length) {
      i++;
      line = stripComment(lines[i] ?? '').trim();
      value += ` ${line}`;
    }
    const target = descend(table, key.slice(0, -1), lineNo);
    const name = key[key.length - 1] as string;
    if (name in target) throw new Error(`line ${lineNo}: ${name} is defined twice`);
    target[name] = parseValue(value, lineNo);
  }
  return root;
}
