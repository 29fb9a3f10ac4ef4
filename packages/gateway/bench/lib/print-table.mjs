/**
 * Prints rows as a Markdown table, so the output can be pasted into
 * docs/decisions/ as it is. Numbers are right-aligned.
 */
export function printTable(columns, rows, write = (line) => process.stdout.write(`${line}\n`)) {
  const cells = rows.map((row) => columns.map((column) => String(row[column.key] ?? '')));
  const widths = columns.map((column, index) =>
    Math.max(column.title.length, 3, ...cells.map((line) => line[index].length)),
  );
  const pad = (text, index) =>
    columns[index].align === 'right' ? text.padStart(widths[index]) : text.padEnd(widths[index]);
  write(`| ${columns.map((column, index) => pad(column.title, index)).join(' | ')} |`);
  write(
    `|${columns.map((column, index) => (column.align === 'right' ? `${'-'.repeat(widths[index] + 1)}:` : '-'.repeat(widths[index] + 2))).join('|')}|`,
  );
  for (const line of cells) write(`| ${line.map(pad).join(' | ')} |`);
}

/** Formats a count with thousands separators and no decimals. */
export function formatCount(value) {
  return Math.round(value).toLocaleString('en-US');
}

/** Formats milliseconds (autocannon records whole milliseconds; one decimal shows medians between them). */
export function formatMs(value) {
  return value.toFixed(1);
}
