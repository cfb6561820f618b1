import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LABEL_SETS, loadReportTemplate } from '../report-template';

const SHIPPED = join(__dirname, '../../../../../config/reports/report-template.json');

describe('the report template', () => {
  it('ships a word for every category a report counts', () => {
    const sut = loadReportTemplate(SHIPPED);
    for (const [set, keys] of Object.entries(LABEL_SETS))
      expect(Object.keys(sut.labels[set]).sort()).toEqual([...keys].sort());
  });

  it('refuses, naming it, a template that lacks a word or names a sheet Excel would refuse', () => {
    const t = JSON.parse(readFileSync(SHIPPED, 'utf8'));
    delete t.labels.risk.critical;
    t.tables[0].sheet = 'Tiếp nhận: hình thức';
    const file = join(mkdtempSync(join(tmpdir(), 'dh-template-')), 'template.json');
    writeFileSync(file, JSON.stringify(t));
    expect(() => loadReportTemplate(file)).toThrow(
      /labels\.risk\.critical is missing.*sheet name "Tiếp nhận: hình thức"/,
    );
  });
});
