import type { AnyStateMachine } from 'xstate';
import type { StateMeta } from './types';

type Node = AnyStateMachine['root'];
export type Arrow = { from: string; event: string; to: string; guard: string | null };

const pathOf = (node: Node): string => node.path.join('.');
const idOf = (node: Node): string => node.path.join('_');

const guardName = (guard: unknown): string | null => {
  if (!guard) return null;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && 'type' in guard) return String(guard.type);
  return 'guard';
};

const walk = (node: Node): Node[] => [node, ...Object.values(node.states).flatMap((child) => walk(child))];

// Every transition of the definition: targeted arrows, and targetless self-transitions (to = from).
export const arrowsOf = (machine: AnyStateMachine): Arrow[] =>
  walk(machine.root)
    .filter((n) => n.path.length > 0)
    .flatMap((node) =>
      [...node.transitions.entries()].flatMap(([event, defs]) =>
        defs.map((d) => ({
          from: pathOf(node),
          event,
          to: d.target?.length ? pathOf(d.target[0]) : pathOf(node),
          guard: guardName(d.guard),
        })),
      ),
    );

// Guards that only check rules are not drawn; the ones that choose a branch are.
const BRANCH_LABELS: Record<string, string> = {
  permittedHighRisk: 'high/critical',
  permittedLowRisk: 'low/medium',
  permittedWithConcern: 'protection concern',
  permittedFromPlanning: 'referred from planning',
  permittedFromIntake: 'referred from intake',
  permittedNeedingApproval: 'high/critical or concern',
  permittedWithoutApproval: 'low/medium, no concern',
  permittedBackToAssessment: 'proposed from assessment',
};

export const toMermaid = (machine: AnyStateMachine, selfEvents: string[]): string => {
  const lines = ['stateDiagram-v2'];
  const declare = (node: Node, indent: string): void => {
    const label = (node.meta as StateMeta | undefined)?.label.vi ?? node.key;
    const children = Object.values<Node>(node.states);
    if (children.length === 0) {
      lines.push(`${indent}state "${label}" as ${idOf(node)}`);
      return;
    }
    lines.push(`${indent}state "${label}" as ${idOf(node)} {`);
    lines.push(`${indent}  [*] --> ${idOf(node.states[node.initial?.target[0]?.key ?? children[0].key])}`);
    for (const child of children) declare(child, `${indent}  `);
    lines.push(`${indent}}`);
  };
  const root = machine.root;
  // A parallel machine (case@2) has no single start: each region draws its own.
  if (root.type !== 'parallel') lines.push(`  [*] --> ${idOf(root.initial?.target[0])}`);
  for (const child of Object.values<Node>(root.states)) declare(child, '  ');
  const byPath = new Map(walk(root).map((n) => [pathOf(n), n]));
  for (const a of arrowsOf(machine)) {
    if (a.from === a.to && selfEvents.includes(a.event)) continue;
    const branch = a.guard ? BRANCH_LABELS[a.guard] : undefined;
    const from = idOf(byPath.get(a.from) as Node);
    const to = idOf(byPath.get(a.to) as Node);
    lines.push(`  ${from} --> ${to} : ${a.event}${branch ? ` [${branch}]` : ''}`);
  }
  const openStates = [
    ...new Set(
      arrowsOf(machine)
        .filter((a) => a.from === a.to && selfEvents.includes(a.event))
        .map((a) => a.from),
    ),
  ];
  const firstLeaf = walk(root).find((n) => n.type === 'atomic') as Node;
  lines.push(`  note right of ${idOf(firstLeaf)}`);
  lines.push(`    ${selfEvents.join(', ')}: self-transitions in ${openStates.join(', ')}`);
  lines.push('  end note');
  return `${lines.join('\n')}\n`;
};

export const diagramMarkdown = (version: string, machine: AnyStateMachine, selfEvents: string[]): string =>
  [
    `# ${version} state diagram`,
    '',
    '<!-- generated from the machine definition by machines/case/generate-diagrams.ts; do not edit: npm run diagram -->',
    '',
    '```mermaid',
    toMermaid(machine, selfEvents).trimEnd(),
    '```',
    '',
  ].join('\n');
