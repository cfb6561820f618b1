import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagramMarkdown } from './diagram';
import { caseMachines, MachineVersion } from './registry';

export const SELF_EVENTS = ['ASSIGN', 'REASSIGN', 'UPDATE_RISK', 'ADD_NOTE'];

export const diagramPath = (version: MachineVersion, root = process.cwd()): string =>
  join(root, 'machines', 'case', `v${version.split('@')[1]}`, 'diagram.md');

export const renderDiagram = (version: MachineVersion): string =>
  diagramMarkdown(version, caseMachines[version].machine, SELF_EVENTS);

if (require.main === module) {
  for (const version of Object.keys(caseMachines) as MachineVersion[]) {
    writeFileSync(diagramPath(version), renderDiagram(version));
    process.stdout.write(`wrote ${diagramPath(version)}\n`);
  }
}
