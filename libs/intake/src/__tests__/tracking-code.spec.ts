import { newTrackingCode, TRACKING_ALPHABET, trackingDigestInput } from '../tracking-code';

describe('tracking codes', () => {
  it('are TN- and two groups of four from an alphabet without look-alikes, and do not repeat', () => {
    const sut = Array.from({ length: 2000 }, () => newTrackingCode());
    for (const code of sut) expect(code).toMatch(/^TN-[34679ACDEFGHJKMNPQRTUVWXY]{4}-[34679ACDEFGHJKMNPQRTUVWXY]{4}$/);
    expect(new Set(sut).size).toBe(sut.length);
    for (const lookAlike of '0O1IL2Z5S8B') expect(TRACKING_ALPHABET).not.toContain(lookAlike);
  });

  it('match as typed back in lower case, with spaces or without dashes', () => {
    const sut = trackingDigestInput;
    expect(sut('tn 3k7a-9cdx')).toBe(sut('TN-3K7A-9CDX'));
    expect(sut('TN3K7A9CDX')).toBe(sut('TN-3K7A-9CDX'));
    expect(sut('TN-3K7A-9CDY')).not.toBe(sut('TN-3K7A-9CDX'));
  });
});
