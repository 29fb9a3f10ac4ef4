/**
 * The app's log seam: structured fields, never tokens, keys or full phone numbers (callers mask
 * with the SDK's `maskPhoneNumber`). Defaults to JSON lines on stderr.
 */
export interface AppLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function jsonLinesLogger(write: (line: string) => void = (line) => process.stderr.write(line)): AppLogger {
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    write(`${JSON.stringify({ level, time: new Date().toISOString(), msg: message, ...fields })}\n`);
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

export const silentLogger: AppLogger = { info() {}, warn() {}, error() {} };
