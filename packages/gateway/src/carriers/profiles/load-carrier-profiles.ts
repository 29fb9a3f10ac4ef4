import { readFile } from 'node:fs/promises';
import { type CarrierProfile, carrierProfilesFileSchema } from './carrier-profile';

/** Thrown when the carrier profile file is missing, not JSON, or invalid; one line per bad field. */
export class CarrierProfileError extends Error {
  override readonly name = 'CarrierProfileError';
  constructor(
    message: string,
    /** `carriers.0.port: Too small…` per issue; paths point into the file. */
    readonly issues: readonly string[] = [],
  ) {
    super(issues.length === 0 ? message : `${message}\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
  }
}

/**
 * Reads and validates `{ "carriers": [ … ] }` at start, so a typo fails loudly with the path of
 * the bad field instead of binding with a wrong setting. Passwords never appear in the errors.
 */
export async function loadCarrierProfiles(path: string): Promise<CarrierProfile[]> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    throw new CarrierProfileError(`Cannot read carrier profiles at ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new CarrierProfileError(`Carrier profiles at ${path} are not JSON: ${(error as Error).message}`);
  }
  return parseCarrierProfiles(json, path);
}

/** Validates profiles already parsed from JSON. */
export function parseCarrierProfiles(json: unknown, source = 'carrier profiles'): CarrierProfile[] {
  const result = carrierProfilesFileSchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new CarrierProfileError(`Invalid ${source}`, issues);
  }
  return result.data.carriers;
}
