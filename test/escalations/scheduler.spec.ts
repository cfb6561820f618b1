import { SchedulerRegistry } from '@nestjs/schedule';
import { startTestApp, TestApp } from '../support/test-app';

describe('the escalation scheduler', () => {
  let apps: TestApp[] = [];
  afterAll(async () => {
    for (const t of apps) await t.close();
    apps = [];
  });

  it('registers its sweep at the configured interval when enabled, and not at all when SCHEDULER_ENABLED=false', async () => {
    const on = await startTestApp({ SCHEDULER_ENABLED: 'true', ESCALATION_SWEEP_MS: '45000' });
    const off = await startTestApp({ SCHEDULER_ENABLED: 'false' });
    apps.push(on, off);
    const registry = (t: TestApp) => t.app.get(SchedulerRegistry);
    // The audit checkpoint, the alert delivery and the retention sweep run under the same switch.
    expect(registry(on).getIntervals().sort()).toEqual([
      'alert-delivery',
      'audit-checkpoint',
      'escalation-sweep',
      'retention-sweep',
    ]);
    expect(registry(off).getIntervals()).toEqual([]);
  });
});
