import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyStateMachine } from 'xstate';
import { caseMachines } from '@dh/machines/case/registry';
import type { StateMeta } from '@dh/machines/case/types';
import { stageLabel } from '../stateLabels';
import { RISK_LABELS, ROLE_LABELS } from '../valueLabels';

// What the API can return, from the committed document the app's types come from.
const schemas = (
  JSON.parse(readFileSync(join(__dirname, '../../../../../../openapi.json'), 'utf8')) as {
    components: { schemas: Record<string, { enum?: string[] }> };
  }
).components.schemas;

// Every stage path a case's `state` can hold, with the label its state node carries, in every published machine.
const stagePaths = (machine: AnyStateMachine): { path: string; label: StateMeta['label'] }[] => {
  const root = machine.root.states.stage ?? machine.root;
  const walk = (node: AnyStateMachine['root'], prefix: string[]): { path: string; label: StateMeta['label'] }[] =>
    Object.entries(node.states).flatMap(([key, child]) => [
      { path: [...prefix, key].join('.'), label: (child.meta as StateMeta).label },
      ...walk(child, [...prefix, key]),
    ]);
  return walk(root, []);
};

describe('the labels of what the API returns', () => {
  it.each([
    ['Role', ROLE_LABELS],
    ['RiskLevel', RISK_LABELS],
  ] as const)('name every %s in Vietnamese and in English', (schema, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...(schemas[schema].enum ?? [])].sort());
    for (const label of Object.values(labels)) {
      expect(label.vi.trim()).not.toBe('');
      expect(label.en.trim()).not.toBe('');
    }
  });

  it.each(Object.entries(caseMachines))('name every stage of %s as its state node does', (_version, { machine }) => {
    const paths = stagePaths(machine);
    expect(paths.length).toBeGreaterThan(10);
    for (const { path, label } of paths) {
      expect({ path, vi: stageLabel(path, 'vi'), en: stageLabel(path, 'en') }).toEqual({ path, ...label });
    }
  });
});
