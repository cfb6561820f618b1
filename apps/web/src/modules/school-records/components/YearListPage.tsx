import { App, Button, Space, Table, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { confirmAction } from '../../admin/components/confirmAction';
import { LoadError } from '../../admin/components/LoadError';
import { emptyText } from '../../forms/components/EmptyText';
import type { Sent } from '../../forms/components/FormDrawer';
import type { DictionaryKey } from '../../i18n/dictionaryVi';
import { useI18n } from '../../i18n/I18nProvider';
import { type RecordsKind, useMayKeep, useRefreshRecords, type Where } from '../hooks/useSchoolRecords';
import { useWhere } from '../hooks/useWhere';
import { YearBar } from './YearBar';

type Words = { title: DictionaryKey; intro: DictionaryKey; add: DictionaryKey; empty: DictionaryKey };

// The drawer a list opens to add a row (row null) or replace one.
export type RecordDrawerProps<Row> = { where: Where; row: Row | null; onClose: () => void };

// One of the school's per-year lists: a table, and for its leaders the add, edit and delete buttons (the drawers
// check what the API checks before anything is sent). A counsellor reads the same table without a button.
export const YearListPage = <Row extends { id: string }>({
  kind,
  words,
  query,
  columns,
  rowName,
  remove,
  drawer,
}: {
  kind: Exclude<RecordsKind, 'facilities'>;
  words: Words;
  query: (where: Where | null) => { data?: Row[]; error: Error | null; isPending: boolean };
  columns: TableColumnsType<Row>;
  rowName: (row: Row) => string;
  remove: (id: string) => Promise<Sent>;
  drawer: (props: RecordDrawerProps<Row>) => ReactNode;
}) => {
  const { t, language } = useI18n();
  const app = App.useApp();
  const { where } = useWhere();
  const rows = query(where);
  const mayKeep = useMayKeep();
  const refresh = useRefreshRecords();
  const [open, setOpen] = useState<{ row: Row | null } | null>(null);

  const confirmRemove = (row: Row) =>
    confirmAction(
      app,
      { t, language },
      {
        title: t('schoolRecords.removeTitle', { name: rowName(row) }),
        content: t('schoolRecords.removeConfirm'),
        ok: t('schoolRecords.remove'),
        send: () => remove(row.id),
        done: () => refresh(kind),
      },
    );

  const actions: TableColumnsType<Row> = mayKeep
    ? [
        {
          title: t('adminUsers.actions'),
          key: 'actions',
          render: (_, row) => (
            <Space wrap>
              <Button size="small" onClick={() => setOpen({ row })}>
                {t('schoolRecords.edit')}
              </Button>
              <Button size="small" danger onClick={() => confirmRemove(row)}>
                {t('schoolRecords.remove')}
              </Button>
            </Space>
          ),
        },
      ]
    : [];

  return (
    <section>
      <YearBar title={words.title} intro={words.intro} />
      <Space orientation="vertical" size="middle" className="admin-page">
        {mayKeep && where && (
          <Button type="primary" onClick={() => setOpen({ row: null })}>
            {t(words.add)}
          </Button>
        )}
        <LoadError error={rows.error} />
        <Table<Row>
          rowKey="id"
          size="small"
          data-testid={`${kind}-table`}
          loading={where !== null && rows.isPending}
          dataSource={rows.data}
          locale={emptyText(t(words.empty))}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[...columns, ...actions]}
        />
      </Space>
      {open &&
        where &&
        drawer({
          where,
          row: open.row,
          onClose: () => {
            setOpen(null);
            void refresh(kind);
          },
        })}
    </section>
  );
};
