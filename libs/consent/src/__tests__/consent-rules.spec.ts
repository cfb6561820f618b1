import { ageOn, consentMissingMessage, sharingVerdict, SharingConsent } from '../consent-rules';

const consent = (over: Partial<SharingConsent> = {}): SharingConsent => ({
  id: 'c1',
  givenBy: 'guardian',
  kind: 'referral',
  receiverId: null,
  givenAt: '2026-03-01',
  how: 'van_ban',
  withdrawnAt: null,
  ...over,
});
const at = new Date('2026-03-02T02:00:00Z');

describe('consent rules', () => {
  it('counts whole years, a birthday on 29 February arriving on 1 March', () => {
    expect(ageOn('2019-03-02', '2026-03-01')).toBe(6);
    expect(ageOn('2019-03-02', '2026-03-02')).toBe(7);
    expect(ageOn('2016-02-29', '2023-02-28')).toBe(6);
    expect(ageOn('2016-02-29', '2023-03-01')).toBe(7);
  });

  it('needs a consent given on or before the day of the sharing, and not withdrawn by then', () => {
    expect(sharingVerdict([consent({ givenAt: '2026-03-03' })], { kind: 'referral' }, at, '2026-03-02', 6)).toEqual({
      ok: false,
      missing: ['guardian'],
    });
    expect(sharingVerdict([consent({ withdrawnAt: at })], { kind: 'referral' }, at, '2026-03-02', 6)).toEqual({
      ok: false,
      missing: ['guardian'],
    });
    expect(
      sharingVerdict([consent({ withdrawnAt: new Date(at.getTime() + 1) })], { kind: 'referral' }, at, '2026-03-02', 6)
        .ok,
    ).toBe(true);
  });

  it('a consent naming no receiver covers any receiver of its kind, not the other way round', () => {
    const named = consent({ receiverId: 'r1' });
    expect(sharingVerdict([consent()], { kind: 'referral', receiverId: 'r2' }, at, '2026-03-02', 6).ok).toBe(true);
    expect(sharingVerdict([named], { kind: 'referral', receiverId: 'r1' }, at, '2026-03-02', 6).ok).toBe(true);
    expect(sharingVerdict([named], { kind: 'referral' }, at, '2026-03-02', 6).ok).toBe(false);
    expect(sharingVerdict([consent()], { kind: 'school_transfer' }, at, '2026-03-02', 6).ok).toBe(false);
  });

  it('names who is missing, in Vietnamese and English', () => {
    expect(consentMissingMessage(['guardian', 'learner'])).toEqual([
      'Chưa có sự đồng ý của cha mẹ hoặc người giám hộ và học sinh cho việc chia sẻ thông tin này (Luật Trẻ em, Điều 6 khoản 11).',
      'No consent from a parent or guardian and the learner for this sharing of information (Law on Children, Art. 6 cl. 11).',
    ]);
  });
});
