import { Alert, Button, Checkbox, Descriptions, Form, Progress, Radio, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiProblemError, problemMessage } from '../../api/problem';
import { emptyText } from '../../forms/components/EmptyText';
import { placeFieldErrors } from '../../forms/fieldErrors';
import { useI18n } from '../../i18n/I18nProvider';
import {
  ROSTER_ACTION_LABELS,
  ROSTER_FIELD_LABELS,
  ROSTER_FILE_KIND_LABELS,
  ROSTER_STATUS_LABELS,
  SEX_LABELS,
} from '../../labels/valueLabels';
import {
  changeRosterMapping,
  confirmRoster,
  RosterImport,
  RosterMapping,
  RosterResolution,
  uploadRoster,
  useImportSchools,
  useRosterProgress,
} from '../hooks/useRosterImport';

type Field = keyof typeof ROSTER_FIELD_LABELS;
const FIELDS = Object.keys(ROSTER_FIELD_LABELS) as Field[];
// What no column of the file is for: the select's empty choice.
const NONE = '';

type Preview = RosterImport['preview'][number];
type Refused = RosterImport['refused'][number];
type Doubtful = RosterImport['doubtful'][number];

// A person's decision on a doubtful row: the candidate it is (`same:<id>`), a new learner, or skip (not imported;
// what the API does with a row it has no resolution for).
type Decision = `same:${string}` | 'new' | 'skip';
const NEW: Decision = 'new';
const SKIP: Decision = 'skip';
const same = (learnerId: string): Decision => `same:${learnerId}`;

// A decision still stands for the row only if it names one of the row's candidates (a remap may change them).
const decided = (d: Doubtful, decision: Decision | undefined): boolean =>
  decision === NEW || decision === SKIP || d.candidates.some((c) => decision === same(c.id));

// The decisions as the API's `resolutions`: a skipped row is left out.
const resolutionsOf = (doubtful: Doubtful[], decisions: Record<number, Decision>): RosterResolution[] =>
  doubtful.flatMap((d): RosterResolution[] => {
    const decision = decisions[d.row];
    if (decision === NEW) return [{ row: d.row, learnerId: null }];
    const chosen = d.candidates.find((c) => decision === same(c.id));
    return chosen ? [{ row: d.row, learnerId: chosen.id }] : [];
  });

const dmy = (date: string) => dayjs(date).format('DD/MM/YYYY');

// The form's values as the API's mapping: a field left on "not used" is left out.
const mappingOf = (values: Record<Field, string>): RosterMapping =>
  Object.fromEntries(FIELDS.filter((f) => values[f]).map((f) => [f, values[f]]));

// Nhập danh sách học sinh: a school's Excel or CSV export uploaded, its columns matched to a learner's fields
// (proposed from the headers, changed at will), the preview with every row refused and why, then the import, its
// progress read again every second.
export const RosterImportPage = () => {
  const { t, language } = useI18n();
  const { isAdmin, schools, initial } = useImportSchools();
  const [schoolId, setSchoolId] = useState<string | null>(null);
  const school = schoolId ?? initial;
  const [file, setFile] = useState<File | null>(null);
  const [view, setView] = useState<RosterImport | null>(null);
  const [confirmedId, setConfirmedId] = useState<string | null>(null);
  // Off unless the person says this file is the whole school: a one-class file must not mark the rest as gone.
  const [fullRoster, setFullRoster] = useState(false);
  const [decisions, setDecisions] = useState<Record<number, Decision>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Record<Field, string>>();
  const progress = useRosterProgress(school ?? '', confirmedId);
  const shown = progress.data ?? view;

  useEffect(() => {
    if (view) form.setFieldsValue(Object.fromEntries(FIELDS.map((f) => [f, view.mapping[f] ?? NONE])));
  }, [view, form]);

  // The API's refusal in the reader's language, each field's problem under its select.
  const refusal = (e: unknown) => {
    if (!(e instanceof ApiProblemError)) return setError(t('error.network'));
    const rest = placeFieldErrors(form, e.problem.details, FIELDS, 'mapping.');
    setError([problemMessage(e.problem, language), ...rest.flatMap((d) => d.problems)].join(' '));
  };
  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    // Each answer replaces the last one's problems under the selects.
    form.setFields(FIELDS.map((name) => ({ name, errors: [] })));
    try {
      await work();
    } catch (e) {
      refusal(e);
    } finally {
      setBusy(false);
    }
  };

  const upload = () =>
    act(async () => {
      if (!school || !file) return;
      setConfirmedId(null);
      setDecisions({});
      setFullRoster(false);
      setView(await uploadRoster(school, file));
    });
  const remap = () =>
    act(async () => {
      if (!school || !view) return;
      setView(await changeRosterMapping(school, view.id, mappingOf(form.getFieldsValue())));
    });
  const confirm = () =>
    act(async () => {
      if (!school || !view) return;
      const started = await confirmRoster(school, view.id, {
        mapping: mappingOf(form.getFieldsValue()),
        fullRoster,
        resolutions: resolutionsOf(view.doubtful, decisions),
      });
      setView(started);
      setConfirmedId(started.id);
    });

  const pending = shown?.status === 'preview';
  // Every doubtful row needs a person's decision before the import may start (skip is one of them, said aloud).
  const undecided = pending ? shown.doubtful.filter((d) => !decided(d, decisions[d.row])).length : 0;
  return (
    <section>
      <Typography.Title level={1}>{t('roster.title')}</Typography.Title>
      <Typography.Paragraph>{t('roster.intro')}</Typography.Paragraph>
      <Space orientation="vertical" size="middle" className="admin-page">
        <Space wrap>
          {isAdmin && (
            <Select
              aria-label={t('roster.school')}
              style={{ minWidth: 260 }}
              value={school ?? undefined}
              placeholder={t('roster.school')}
              options={schools.map((s) => ({ value: s.id, label: s.name }))}
              onChange={(id: string) => setSchoolId(id)}
            />
          )}
          <label htmlFor="roster-file">{t('roster.file')}</label>
          <input
            id="roster-file"
            type="file"
            accept=".xlsx,.csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <Button type="primary" disabled={!file || !school} loading={busy && !view} onClick={() => void upload()}>
            {t('roster.upload')}
          </Button>
        </Space>
        {error && <Alert type="error" showIcon title={error} />}
        {shown && (
          <>
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('roster.fileName')}>
                {shown.fileName} ({ROSTER_FILE_KIND_LABELS[shown.fileKind][language]})
              </Descriptions.Item>
              <Descriptions.Item label={t('roster.headerRow')}>{shown.headerRow}</Descriptions.Item>
              <Descriptions.Item label={t('roster.status')}>
                <Typography.Text strong type={shown.status === 'failed' ? 'danger' : undefined}>
                  {ROSTER_STATUS_LABELS[shown.status][language]}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('roster.planned')}>
                <span data-testid="roster-planned">
                  {t('roster.plannedText', {
                    add: shown.planned.add,
                    update: shown.planned.update,
                    refused: shown.planned.refused,
                    doubtful: shown.planned.doubtful,
                  })}
                </span>
              </Descriptions.Item>
            </Descriptions>
            {!pending && (
              <div data-testid="roster-progress">
                <Progress
                  aria-label={t('roster.status')}
                  percent={shown.rowsTotal ? Math.round((100 * shown.rowsRead) / shown.rowsTotal) : 100}
                  status={shown.status === 'failed' ? 'exception' : shown.status === 'done' ? 'success' : 'active'}
                />
                <Typography.Text>
                  {t('roster.progressText', {
                    read: shown.rowsRead,
                    total: shown.rowsTotal,
                    taken: shown.rowsTaken,
                    refused: shown.rowsRefused,
                    added: shown.learnersAdded,
                    updated: shown.learnersUpdated,
                    left: shown.learnersLeft,
                  })}
                </Typography.Text>
              </div>
            )}
            <Typography.Title level={2}>{t('roster.mapping')}</Typography.Title>
            <Form form={form} layout="vertical" disabled={!pending || busy}>
              <Space wrap align="start">
                {FIELDS.map((f) => (
                  <Form.Item key={f} name={f} label={ROSTER_FIELD_LABELS[f][language]} style={{ minWidth: 200 }}>
                    <Select
                      options={[
                        { value: NONE, label: t('roster.notUsed') },
                        ...shown.headers.filter((h) => h !== '').map((h) => ({ value: h, label: h })),
                      ]}
                      onChange={() => void remap()}
                    />
                  </Form.Item>
                ))}
              </Space>
            </Form>
            {pending && shown.doubtful.length > 0 && (
              <>
                <Typography.Title level={2}>{t('roster.doubtfulTitle')}</Typography.Title>
                <Typography.Paragraph>{t('roster.doubtfulIntro')}</Typography.Paragraph>
                <Table<Doubtful>
                  rowKey="row"
                  size="small"
                  data-testid="roster-doubtful"
                  dataSource={shown.doubtful}
                  pagination={{ pageSize: 50, hideOnSinglePage: true }}
                  scroll={{ x: 'max-content' }}
                  columns={[
                    { title: t('roster.row'), dataIndex: 'row' },
                    { title: ROSTER_FIELD_LABELS.fullName[language], dataIndex: 'fullName' },
                    {
                      title: ROSTER_FIELD_LABELS.dateOfBirth[language],
                      dataIndex: 'dateOfBirth',
                      render: (d: string) => dmy(d),
                    },
                    {
                      title: t('roster.decision'),
                      key: 'decision',
                      render: (_, d) => (
                        <Radio.Group
                          aria-label={t('roster.decisionFor', { row: d.row })}
                          value={decisions[d.row]}
                          disabled={busy}
                          onChange={(e) => setDecisions((all) => ({ ...all, [d.row]: e.target.value as Decision }))}
                        >
                          <Space orientation="vertical" size={4}>
                            {d.candidates.map((c) => (
                              <Radio key={c.id} value={same(c.id)}>
                                {t('roster.same', {
                                  name: c.fullName,
                                  className: c.className,
                                  dob: dmy(c.dateOfBirth),
                                })}
                              </Radio>
                            ))}
                            <Radio value={NEW}>{t('roster.new')}</Radio>
                            <Radio value={SKIP}>{t('roster.skip')}</Radio>
                          </Space>
                        </Radio.Group>
                      ),
                    },
                  ]}
                />
              </>
            )}
            {pending && (
              <Space orientation="vertical">
                <Checkbox checked={fullRoster} onChange={(e) => setFullRoster(e.target.checked)}>
                  <span data-testid="roster-left">{t('roster.fullRoster', { left: shown.planned.left })}</span>
                </Checkbox>
                <Typography.Text type="secondary">
                  {fullRoster ? t('roster.fullRosterOn', { left: shown.planned.left }) : t('roster.fullRosterOff')}
                </Typography.Text>
                {undecided > 0 && (
                  <Alert
                    type="warning"
                    showIcon
                    data-testid="roster-undecided"
                    title={t('roster.undecided', { n: undecided })}
                  />
                )}
                <Button type="primary" loading={busy} disabled={undecided > 0} onClick={() => void confirm()}>
                  {t('roster.confirm')}
                </Button>
              </Space>
            )}
            {pending && (
              <>
                <Typography.Title level={2}>{t('roster.preview')}</Typography.Title>
                <Table<Preview>
                  rowKey="row"
                  size="small"
                  data-testid="roster-preview"
                  dataSource={shown.preview}
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  locale={emptyText(t('roster.noRows'))}
                  columns={[
                    { title: t('roster.row'), dataIndex: 'row' },
                    { title: ROSTER_FIELD_LABELS.fullName[language], dataIndex: 'fullName' },
                    { title: ROSTER_FIELD_LABELS.dateOfBirth[language], dataIndex: 'dateOfBirth' },
                    {
                      title: ROSTER_FIELD_LABELS.sex[language],
                      dataIndex: 'sex',
                      render: (s: Preview['sex']) => SEX_LABELS[s][language],
                    },
                    { title: ROSTER_FIELD_LABELS.className[language], dataIndex: 'className' },
                    { title: ROSTER_FIELD_LABELS.nationalId[language], dataIndex: 'nationalId' },
                    { title: ROSTER_FIELD_LABELS.guardianName[language], dataIndex: 'guardianName' },
                    {
                      title: t('roster.action'),
                      dataIndex: 'action',
                      render: (a: Preview['action']) => ROSTER_ACTION_LABELS[a][language],
                    },
                  ]}
                />
              </>
            )}
            <Typography.Title level={2}>{t('roster.refused')}</Typography.Title>
            <Table<Refused>
              rowKey="row"
              size="small"
              data-testid="roster-refused"
              dataSource={shown.refused}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              locale={emptyText(t('roster.noRefused'))}
              columns={[
                { title: t('roster.row'), dataIndex: 'row' },
                { title: ROSTER_FIELD_LABELS.fullName[language], dataIndex: 'fullName' },
                {
                  title: t('roster.reasons'),
                  key: 'reasons',
                  render: (_, r) => r.problems.map((p) => (language === 'en' ? p.messageEn : p.message)).join('; '),
                },
              ]}
            />
            {!pending && shown.doubtful.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title={t('roster.doubtful', { n: shown.doubtful.length })}
                description={shown.doubtful
                  .map((d) => `${t('roster.row')} ${d.row}: ${d.fullName} (${d.dateOfBirth})`)
                  .join('; ')}
              />
            )}
          </>
        )}
      </Space>
    </section>
  );
};
