import { PDU } from 'smpp';
import { describe, expect, it } from 'vitest';
import { submitSmRespBytes } from './submit-sm-resp-bytes';

describe('submitSmRespBytes', () => {
  it('writes the same bytes as the smpp package', () => {
    const reference = new PDU('submit_sm_resp', { sequence_number: 77, message_id: 'f426a' }).toBuffer();
    expect(submitSmRespBytes(77, 'f426a')).toEqual(reference);
  });
});
