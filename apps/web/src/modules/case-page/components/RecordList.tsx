import { Descriptions, Empty, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { DictionaryKey } from '../../i18n/dictionaryVi';
import { useI18n, type Translate } from '../../i18n/I18nProvider';
import { DATE_TIME, Sealed } from './CaseHeader';

export type Shown<T> = { key: keyof T & string; label: DictionaryKey; show?: (value: never, row: T) => ReactNode };

// A moment, a day or a list as a person reads them; anything else as written.
const plain = (value: unknown, t: Translate): ReactNode => {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'boolean') return value ? t('casePage.yes') : t('casePage.no');
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return dayjs(value).format(DATE_TIME);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return dayjs(value).format('DD/MM/YYYY');
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
};

// One kind of record of the case, each entry as label: value, masked fields as sealed, never an empty box.
export const RecordList = <T extends { id: string; masked: string[] }>({
  title,
  items,
  shown,
}: {
  title: DictionaryKey;
  items: T[];
  shown: Shown<T>[];
}) => {
  const { t } = useI18n();
  return (
    <section className="record-list">
      <Typography.Title level={3}>{`${t(title)} (${items.length})`}</Typography.Title>
      {items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={<Typography.Text>{t('records.none')}</Typography.Text>}
        />
      ) : (
        items.map((row) => (
          <Descriptions
            key={row.id}
            size="small"
            bordered
            column={1}
            className="record-entry"
            items={shown.map((s) => ({
              key: s.key,
              label: t(s.label),
              children: row.masked.includes(s.key) ? (
                <Sealed />
              ) : s.show ? (
                s.show(row[s.key] as never, row)
              ) : (
                plain(row[s.key], t)
              ),
            }))}
          />
        ))
      )}
    </section>
  );
};
