import { readFile } from 'node:fs/promises';
import { defaultRoutes, type Route } from '../../routing/route-table';
import { type CarrierProfile, carrierProfilesFileSchema } from './carrier-profile';

/** The carriers file: the accounts and how traffic is routed over them. */
export interface CarrierConfig {
  readonly carriers: CarrierProfile[];
  readonly routes: Route[];
}

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
  return (await loadCarrierConfig(path)).carriers;
}

/** Reads and validates the carriers file with its routes (default routes when it has none). */
export async function loadCarrierConfig(path: string): Promise<CarrierConfig> {
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
  return parseCarrierConfig(json, path);
}

/** Validates profiles already parsed from JSON. */
export function parseCarrierProfiles(json: unknown, source = 'carrier profiles'): CarrierProfile[] {
  return parseCarrierConfig(json, source).carriers;
}

/** Validates a carriers file already parsed from JSON: profiles and routes. */
export function parseCarrierConfig(json: unknown, source = 'carrier profiles'): CarrierConfig {
  const result = carrierProfilesFileSchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new CarrierProfileError(`Invalid ${source}`, issues);
  }
  const { carriers, routes } = result.data;
  return { carriers, routes: routes ?? defaultRoutes(carriers.map((carrier) => carrier.id)) };
}
