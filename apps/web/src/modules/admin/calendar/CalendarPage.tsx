import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { isProblem, problemMessage, type Problem } from '../../api/problem';
import { textRule } from '../../forms/textRules';
import { useI18n } from '../../i18n/I18nProvider';
import { CALENDAR_DAY_LABELS, CALENDAR_ENTRY_LABELS, CALENDAR_SOURCE_LABELS } from '../../labels/valueLabels';
import { emptyText } from '../../forms/components/EmptyText';
import { LoadError } from '../components/LoadError';
import { ADMIN_KEYS, useCalendarYear, useRefresh } from '../hooks/useAdminData';

type Day = components['schemas']['CalendarDayDto'];
type YearView = components['schemas']['CalendarYearViewDto'];
type Effective = components['schemas']['EffectiveDayDto'];
type DayKind = components['schemas']['CalendarDayKind'];
type DayValues = { date: Dayjs; kind: DayKind; name: string; decisionNumber: string; decisionDate: Dayjs };

const DATE = 'DD/MM/YYYY';
const ISO = 'YYYY-MM-DD';
const KINDS = Object.keys(CALENDAR_DAY_LABELS) as DayKind[];
const show = (iso: string | null) => (iso ? dayjs(iso).format(DATE) : '');

// The working calendar deadlines are counted on: the year's days off and weekend days worked, each with the
// government's decision; the list is edited here and saved whole (open deadlines move with it).
export const CalendarPage = () => {
  const { t, language } = useI18n();
  const [year, setYear] = useState(dayjs().year());
  const view = useCalendarYear(year);
  return (
    <section>
      <Typography.Title level={1}>{t('adminCalendar.title', { year })}</Typography.Title>
      <Typography.Paragraph>{t('adminCalendar.intro')}</Typography.Paragraph>
      <Space orientation="vertical" size="middle" className="admin-page">
        <label className="admin-year">
          {t('adminCalendar.year')}{' '}
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
            aria-label={t('adminCalendar.year')}
          />
        </label>
        <LoadError error={view.error} />
        {view.data && (
          <>
            <Typography.Text data-testid="calendar-source">
              {t('adminCalendar.source', { source: CALENDAR_SOURCE_LABELS[view.data.source][language] })}
            </Typography.Text>
            <CalendarEditor key={`${year}-${view.dataUpdatedAt}`} view={view.data} />
          </>
        )}
        <Typography.Title level={2}>{t('adminCalendar.effective')}</Typography.Title>
        <Table<Effective>
          rowKey={(d) => `${d.date}-${d.kind}`}
          size="small"
          data-testid="calendar-effective"
          loading={view.isPending}
          dataSource={view.data?.items}
          locale={emptyText(t('adminCalendar.effectiveEmpty'))}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('adminCalendar.date'), dataIndex: 'date', render: show },
            { title: t('adminCalendar.name'), dataIndex: 'name' },
            {
              title: t('adminCalendar.kind'),
              dataIndex: 'kind',
              render: (kind: Effective['kind']) => CALENDAR_ENTRY_LABELS[kind][language],
            },
            { title: t('adminCalendar.decision'), dataIndex: 'decision' },
          ]}
        />
      </Space>
    </section>
  );
};

const CalendarEditor = ({ view }: { view: YearView }) => {
  const { t, language } = useI18n();
  const app = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<DayValues>();
  const [entries, setEntries] = useState<Day[]>(() =>
    view.entries.map((e) => ({
      date: e.date,
      kind: e.kind,
      name: e.name,
      decisionNumber: e.decisionNumber ?? '',
      decisionDate: e.decisionDate ?? '',
    })),
  );
  const [changed, setChanged] = useState(false);
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const [saving, setSaving] = useState(false);

  const add = (v: DayValues) => {
    const day: Day = {
      date: v.date.format(ISO),
      kind: v.kind,
      name: v.name.trim(),
      decisionNumber: v.decisionNumber.trim(),
      decisionDate: v.decisionDate.format(ISO),
    };
    setEntries((list) =>
      [...list.filter((e) => e.date !== day.date), day].sort((a, b) => a.date.localeCompare(b.date)),
    );
    setChanged(true);
    form.resetFields();
  };
  const save = async () => {
    setSaving(true);
    setRefusal(null);
    try {
      const { data, error } = await api.PUT('/api/admin/calendar/{year}', {
        params: { path: { year: view.year } },
        body: { entries },
      });
      if (error !== undefined) {
        if (isProblem(error)) setRefusal(error);
        else void app.message.error(t('error.network'));
        return;
      }
      void app.message.success(t('adminCalendar.saved', { moved: data.movedDeadlines }));
      await refresh(ADMIN_KEYS.calendar(view.year));
    } catch {
      void app.message.error(t('error.network'));
    } finally {
      setSaving(false);
    }
  };
  const details =
    refusal && Array.isArray(refusal.details) ? (refusal.details as { field: string; problems: string[] }[]) : [];

  return (
    <Space orientation="vertical" size="middle" className="admin-page">
      <Typography.Title level={2}>{t('adminCalendar.entries')}</Typography.Title>
      <Table<Day>
        rowKey="date"
        size="small"
        data-testid="calendar-entries"
        dataSource={entries}
        locale={emptyText(t('adminCalendar.entriesEmpty'))}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('adminCalendar.date'), dataIndex: 'date', render: show },
          {
            title: t('adminCalendar.kind'),
            dataIndex: 'kind',
            render: (k: DayKind) => CALENDAR_DAY_LABELS[k][language],
          },
          { title: t('adminCalendar.name'), dataIndex: 'name' },
          { title: t('adminCalendar.decisionNumber'), dataIndex: 'decisionNumber' },
          { title: t('adminCalendar.decisionDate'), dataIndex: 'decisionDate', render: show },
          {
            title: t('adminUsers.actions'),
            key: 'actions',
            render: (_, e) => (
              <Button
                size="small"
                danger
                aria-label={t('adminCalendar.removeOne', { date: show(e.date) })}
                onClick={() => {
                  setEntries((list) => list.filter((x) => x.date !== e.date));
                  setChanged(true);
                }}
              >
                {t('adminCalendar.remove')}
              </Button>
            ),
          },
        ]}
      />
      <Typography.Title level={3}>{t('adminCalendar.add')}</Typography.Title>
      <Form<DayValues> form={form} layout="vertical" onFinish={add} initialValues={{ kind: 'day_off' }} requiredMark>
        <Space wrap align="start">
          <Form.Item
            name="date"
            label={t('adminCalendar.date')}
            required
            rules={[{ required: true, message: t('casePage.required') }]}
          >
            {/* No placeholder: antd's placeholder grey falls under 4.5:1. */}
            <DatePicker
              format={DATE}
              placeholder=""
              disabledDate={(d) => d.year() !== view.year}
              defaultPickerValue={dayjs(`${view.year}-01-01`)}
            />
          </Form.Item>
          <Form.Item name="kind" label={t('adminCalendar.kind')} required>
            <Select
              className="admin-kind"
              options={KINDS.map((k) => ({ value: k, label: CALENDAR_DAY_LABELS[k][language] }))}
            />
          </Form.Item>
          <Form.Item name="name" label={t('adminCalendar.name')} required rules={[textRule(t, 200, true)]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="decisionNumber"
            label={t('adminCalendar.decisionNumber')}
            required
            rules={[textRule(t, 200, true)]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="decisionDate"
            label={t('adminCalendar.decisionDate')}
            required
            rules={[{ required: true, message: t('casePage.required') }]}
          >
            <DatePicker format={DATE} placeholder="" />
          </Form.Item>
        </Space>
        <Button htmlType="submit">{t('adminCalendar.addButton')}</Button>
      </Form>
      {refusal && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problemMessage(refusal, language)}
          description={
            details.length > 0 && (
              <ul>
                {details.map((d) => (
                  <li key={d.field}>{d.problems.join('; ')}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      <Space wrap>
        <Button type="primary" onClick={() => void save()} loading={saving} disabled={!changed}>
          {t('adminCalendar.save')}
        </Button>
        {changed && <Typography.Text>{t('adminCalendar.unsaved')}</Typography.Text>}
      </Space>
    </Space>
  );
};
