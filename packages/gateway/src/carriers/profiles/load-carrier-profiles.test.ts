import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CarrierProfileError, loadCarrierProfiles, parseCarrierProfiles } from './load-carrier-profiles';

const minimal = { id: 'ucell', host: '10.0.0.1', port: 2775, systemId: 'karvon', password: 'pw', tps: 50 };
const dir = await mkdtemp(join(tmpdir(), 'karvon-profiles-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('loadCarrierProfiles', () => {
  it('reads a file and fills in the defaults', async () => {
    const path = join(dir, 'ok.json');
    await writeFile(path, JSON.stringify({ carriers: [minimal] }));
    const [profile] = await loadCarrierProfiles(path);
    expect(profile).toMatchObject({
      bindMode: 'transceiver',
      binds: 1,
      windowSize: 10,
      sourceAddress: {
        alphanumeric: { ton: 5, npi: 0 },
        long_code: { ton: 1, npi: 1 },
        short_code: { ton: 3, npi: 0 },
      },
      dataCoding: { gsm7: 0, latin1: 3, ucs2: 8 },
      longMessageMode: 'udh8',
      receiptTimeZone: 'UTC',
    });
  });

  it('names the file when it is not JSON', async () => {
    const path = join(dir, 'bad.json');
    await writeFile(path, '{ carriers: ');
    await expect(loadCarrierProfiles(path)).rejects.toThrow(/not JSON/);
  });

  it('lists every bad field with its path', () => {
    const bad = {
      carriers: [
        {
          ...minimal,
          port: 0,
          bindMode: 'duplex',
          receiptTimeZone: 'Mars/Olympus',
          vendorErrors: { '0x300': { kind: 'temporary' }, '0x401': { kind: 'maybe' } },
        },
      ],
    };
    let error: CarrierProfileError | undefined;
    try {
      parseCarrierProfiles(bad);
    } catch (caught) {
      error = caught as CarrierProfileError;
    }
    expect(error).toBeInstanceOf(CarrierProfileError);
    const paths = error?.issues.map((issue) => issue.split(':')[0]);
    expect(paths).toEqual(
      expect.arrayContaining([
        'carriers.0.port',
        'carriers.0.bindMode',
        'carriers.0.receiptTimeZone',
        'carriers.0.vendorErrors.0x300',
        'carriers.0.vendorErrors.0x401.kind',
      ]),
    );
    expect(error?.message).not.toContain('pw');
  });

  it('refuses a transmitter + receiver pair with one bind and duplicate ids', () => {
    expect(() =>
      parseCarrierProfiles({ carriers: [{ ...minimal, bindMode: 'transmitter_receiver' }, minimal] }),
    ).toThrow(/carriers\.0\.binds[\s\S]*carriers\.1\.id: duplicate/);
  });
});
