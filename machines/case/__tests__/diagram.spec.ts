import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { caseMachines, MachineVersion } from '../registry';
import { diagramPath, renderDiagram } from '../generate-diagrams';

describe('committed machine diagrams', () => {
  it.each(Object.keys(caseMachines) as MachineVersion[])('%s diagram.md matches the definition', (version) => {
    const generated = renderDiagram(version);
    if (process.env.UPDATE_DIAGRAMS === '1') writeFileSync(diagramPath(version), generated);
    const committed = existsSync(diagramPath(version)) ? readFileSync(diagramPath(version), 'utf8') : '';
    // On failure: `npm run diagram` (or UPDATE_DIAGRAMS=1 npx jest machines) regenerates it.
    expect(committed).toBe(generated);
  });

  it('draws every state and every targeted arrow of case@1', () => {
    const text = renderDiagram('case@1');
    for (const state of [
      'intake',
      'assessment',
      'planning',
      'planReview',
      'monitoring',
      'closureReview',
      'referral_pending',
      'referral_inService',
      'closed_followUp',
      'closed_archived',
    ]) {
      expect(text).toContain(` as ${state}`);
    }
    expect(text).toContain('planning --> planReview : SUBMIT_PLAN [high/critical]');
    expect(text).toContain('planning --> monitoring : SUBMIT_PLAN [low/medium]');
    expect(text).toContain('closed --> assessment : REOPEN');
    expect(text).toContain('referral_pending --> assessment : REFERRAL_DECLINED');
  });
});
