import { Grid, Select, Tabs } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider';

type Section = { key: string; label: ReactNode; children?: ReactNode };

// The case's sections as tabs; on a phone, where six tabs would fold into antd's overflow menu (a tab list with a
// button inside, which screen readers reject), as a choice above the section.
export const CaseSections = ({ items }: { items: Section[] }) => {
  const { t } = useI18n();
  const wide = Grid.useBreakpoint().md !== false;
  const [current, setCurrent] = useState(items[0]?.key ?? '');
  if (wide) return <Tabs items={items} />;
  const shown = items.find((s) => s.key === current) ?? items[0];
  return (
    <section className="case-sections">
      <Select
        aria-label={t('casePage.section')}
        value={shown?.key}
        onChange={setCurrent}
        options={items.map((s) => ({ value: s.key, label: s.label }))}
        className="case-section-choice"
      />
      {shown?.children}
    </section>
  );
};
