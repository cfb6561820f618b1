import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyStateMachine } from 'xstate';
import { caseMachines } from '@dh/machines/case/registry';
import type { StateMeta } from '@dh/machines/case/types';
import { stageLabel } from '../stateLabels';
import * as labels from '../valueLabels';

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

// Enums that are part of another: the whole one's table names them.
const SUBSET_OF: Record<string, string> = { ClosureEvent: 'CaseEventType' };

describe('the labels of what the API returns', () => {
  const enums = Object.entries(schemas).flatMap(([name, s]) => (s.enum ? [[name, s.enum] as const] : []));
  const tables = Object.values(labels) as Record<string, { vi: string; en: string }>[];

  it.each(enums)('name every %s in Vietnamese and in English', (name, values) => {
    // A table with exactly these values (one table may serve two enums with the same values); an enum that is a
    // part of another is named by the other's table.
    const whole = schemas[SUBSET_OF[name] ?? name].enum ?? [];
    const table = tables.find((t) => JSON.stringify(Object.keys(t).sort()) === JSON.stringify([...whole].sort()));
    expect(table ? values.filter((v) => !(v in table)) : `no table names exactly ${whole.join(', ')}`).toEqual([]);
    for (const label of values.map((v) => table?.[v] as { vi: string; en: string })) {
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
