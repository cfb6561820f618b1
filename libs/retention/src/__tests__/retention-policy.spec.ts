import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@dh/config';
import { loadRetentionPolicy, RECORD_KINDS } from '../retention-policy';

const SHIPPED = join(__dirname, '../../../../config/retention.json');

describe('the retention policy file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dh-retention-'));
  const write = (content: unknown) => {
    const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  const shipped = loadRetentionPolicy(SHIPPED);

  it('ships a period for every kind of record, each marked as the school’s choice with a note', () => {
    expect(Object.keys(shipped.kinds).sort()).toEqual([...RECORD_KINDS].sort());
    for (const kind of RECORD_KINDS) {
      expect(shipped.kinds[kind]).toMatchObject({ basis: 'school_choice', note: expect.stringMatching(/\S/) });
    }
    expect(shipped.kinds.protection_concern.years).toBeGreaterThan(shipped.kinds.counselling_record.years);
  });

  it.each([
    ['a missing kind', { ...shipped, kinds: { ...shipped.kinds, consent: undefined } }, /kinds.consent is missing/],
    [
      'a period of no years',
      { ...shipped, kinds: { ...shipped.kinds, referral: { ...shipped.kinds.referral, years: 0 } } },
      /kinds.referral.years must be a whole number/,
    ],
    [
      'a kind nobody keeps',
      { ...shipped, kinds: { ...shipped.kinds, photos: shipped.kinds.consent } },
      /kinds.photos is not a kind/,
    ],
    ['another starting point', { ...shipped, countedFrom: 'opening' }, /countedFrom must be "closure"/],
    ['text that is not JSON', '{ years: 5', /RETENTION_POLICY_FILE/],
  ])('stops the start on %s, naming the variable and the problem', (_, content, problem) => {
    const load = () => loadRetentionPolicy(write(content));
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(problem);
  });
});
