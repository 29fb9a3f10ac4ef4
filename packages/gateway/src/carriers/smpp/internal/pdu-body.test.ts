import { encode, GSM_DEFAULT_ALPHABET, GSM_EXTENSION_TABLE } from '@karvon/sdk/encoding';
import fc from 'fast-check';
import { PDU, type PduOptions } from 'smpp';
import { describe, expect, it } from 'vitest';
import { bodyByteLength, bodyPart, bodyText, encodedByteLength } from './pdu-body';

// The `smpp` package decodes a PDU read off the wire from its bytes; its typings only declare
// the constructor by command name.
const PduFromBytes = PDU as unknown as new (bytes: Buffer) => PDU;

/** A deliver_sm as the connector receives it: written to bytes and read back by the `smpp` package. */
function received(options: PduOptions): PDU {
  return new PduFromBytes(new PDU('deliver_sm', { sequence_number: 1, ...options }).toBuffer());
}

const gsm7Char = fc.constantFrom(
  ...GSM_DEFAULT_ALPHABET.filter((c): c is string => c !== null),
  ...Object.values(GSM_EXTENSION_TABLE),
);

describe('encodedByteLength', () => {
  it.each([
    ['plain GSM-7', 'Hello', 0, 5],
    ['GSM-7 extension characters take two octets', 'a{€}', 0, 7],
    ['IA5 counts as GSM-7 too', '[x]', 1, 5],
    ['Latin-1', 'héllo', 3, 5],
    ['UCS-2', 'Салом', 8, 10],
    ['UCS-2 outside the BMP', '😀', 8, 4],
    ['UCS-2 with a message class in the high bits', 'ab', 0x18, 4],
  ])('%s', (_name, text, dataCoding, expected) => {
    expect(encodedByteLength(text, dataCoding)).toBe(expected);
  });
});

describe('bodyByteLength', () => {
  it('counts the bytes of an outbound short_message, UDH included', () => {
    const bytes = Buffer.from([0x05, 0x00, 0x03, 0x2a, 0x02, 0x01, 0x48, 0x69]);
    expect(bodyByteLength({ short_message: bytes, esm_class: 0x40 })).toBe(8);
  });

  it('counts message_payload rather than the empty short_message beside it', () => {
    expect(bodyByteLength({ short_message: Buffer.alloc(0), message_payload: Buffer.alloc(300) })).toBe(300);
  });

  it('is undefined without a body', () => {
    expect(bodyByteLength({})).toBeUndefined();
  });

  it('gives back the wire length of any GSM-7 short_message the smpp package decoded', () => {
    fc.assert(
      fc.property(fc.array(gsm7Char, { minLength: 1, maxLength: 160 }), (chars) => {
        const bytes = Buffer.from(encode(chars.join(''), { encoding: 'GSM-7', gsm7Packing: 'unpacked' }));
        fc.pre(bytes.length <= 254);
        expect(bodyByteLength(received({ data_coding: 0, short_message: bytes }))).toBe(bytes.length);
      }),
    );
  });

  it('gives back the wire length of any UCS-2 short_message the smpp package decoded', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }), (text) => {
        const bytes = Buffer.from(encode(text, { encoding: 'UCS-2' }));
        fc.pre(bytes.length <= 254);
        expect(bodyByteLength(received({ data_coding: 8, short_message: bytes }))).toBe(bytes.length);
      }),
    );
  });

  it('counts the UDH of a decoded concatenated part', () => {
    const text = Buffer.from(encode('Hi {x}', { encoding: 'GSM-7', gsm7Packing: 'unpacked' }));
    const bytes = Buffer.concat([Buffer.from([0x06, 0x08, 0x04, 0x01, 0x02, 0x03, 0x01]), text]);
    expect(bodyByteLength(received({ esm_class: 0x40, data_coding: 0, short_message: bytes }))).toBe(7 + 8);
  });

  it('counts a decoded message_payload', () => {
    const bytes = Buffer.from(encode('Салом дунё', { encoding: 'UCS-2' }));
    expect(bodyByteLength(received({ data_coding: 8, message_payload: bytes }))).toBe(20);
  });
});

describe('bodyPart', () => {
  it('reads an 8-bit reference from a raw UDH', () => {
    const bytes = Buffer.from([0x05, 0x00, 0x03, 0x2a, 0x03, 0x02, 0x48]);
    expect(bodyPart({ short_message: bytes, esm_class: 0x40 })).toEqual({ reference: 0x2a, total: 3, sequence: 2 });
  });

  it('reads a 16-bit reference after another information element', () => {
    const bytes = Buffer.from([0x09, 0x0a, 0x01, 0x00, 0x08, 0x04, 0x12, 0x34, 0x02, 0x01, 0x48]);
    expect(bodyPart({ short_message: bytes, esm_class: 0x40 })).toEqual({ reference: 0x1234, total: 2, sequence: 1 });
  });

  it('reads the UDH the smpp package split off an inbound part', () => {
    const bytes = Buffer.from([0x05, 0x00, 0x03, 0x07, 0x02, 0x02, 0x48, 0x69]);
    expect(bodyPart(received({ esm_class: 0x40, data_coding: 0, short_message: bytes }))).toEqual({
      reference: 7,
      total: 2,
      sequence: 2,
    });
  });

  it('ignores UDH-looking bytes when esm_class has no UDH indicator', () => {
    expect(bodyPart({ short_message: Buffer.from([0x05, 0x00, 0x03, 0x2a, 0x03, 0x02]), esm_class: 0 })).toBe(
      undefined,
    );
  });

  it('stops at a UDH element that runs past the header', () => {
    const bytes = Buffer.from([0x03, 0x00, 0x03, 0x2a, 0x03, 0x02]);
    expect(bodyPart({ short_message: bytes, esm_class: 0x40 })).toBeUndefined();
  });

  it('falls back to the SAR TLVs', () => {
    expect(
      bodyPart(
        received({
          data_coding: 0,
          short_message: Buffer.from('Hi'),
          sar_msg_ref_num: 300,
          sar_total_segments: 2,
          sar_segment_seqnum: 1,
        }),
      ),
    ).toEqual({ reference: 300, total: 2, sequence: 1 });
  });

  it('is undefined for a message in one part', () => {
    expect(bodyPart(received({ data_coding: 0, short_message: Buffer.from('Hi') }))).toBeUndefined();
  });
});

describe('bodyText', () => {
  it('reads the decoded short_message, else message_payload', () => {
    expect(
      bodyText(received({ esm_class: 0x04, data_coding: 0, short_message: Buffer.from('id:1 stat:DELIVRD') })),
    ).toBe('id:1 stat:DELIVRD');
    expect(bodyText(received({ data_coding: 0, message_payload: Buffer.from('id:2 stat:UNDELIV') }))).toBe(
      'id:2 stat:UNDELIV',
    );
  });
});
