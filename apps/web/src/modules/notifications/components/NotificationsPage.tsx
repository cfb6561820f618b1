import { Alert, Button, Form, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { ApiProblemError, problemMessage, type Problem } from '../../api/problem';
import { LoadError } from '../../admin/components/LoadError';
import { ContactInputs } from '../../forms/components/ContactInputs';
import { contactOf } from '../../forms/contactRules';
import { placeFieldErrors } from '../../forms/fieldErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { DELIVERY_CHANNEL_LABELS, DELIVERY_MODE_LABELS, NOTIFICATION_LEVEL_LABELS } from '../../labels/valueLabels';
import { useMyNotifications, useSaveMyNotifications, type MyNotifications } from '../hooks/useMyNotifications';

type Choice = MyNotifications['choices'][number];
type Level = Choice['level'];
type Channel = Choice['channel'];
// The form's `choices` are the changeable ones in the API's order: the index a 400 names (choices[3].mode) is the
// input that holds it.
type Values = { email?: string; phone?: string; choices: { mode: Choice['mode'] }[] };

const CHANNELS: Channel[] = ['email', 'webhook'];

const valuesOf = (mine: MyNotifications, editable: Choice[]): Values => ({
  email: mine.email ?? '',
  phone: mine.phone ?? '',
  choices: editable.map((e) => ({
    mode: mine.choices.find((c) => c.channel === e.channel && c.level === e.level)?.mode ?? e.mode,
  })),
});

// A person's own address and phone, and for each kind of alert how it reaches them by e-mail and by SMS/Zalo.
export const NotificationsPage = () => {
  const { t } = useI18n();
  const mine = useMyNotifications();
  return (
    <section className="notifications-page">
      <Typography.Title level={1}>{t('notifications.title')}</Typography.Title>
      <Typography.Paragraph>{t('notifications.intro')}</Typography.Paragraph>
      <LoadError error={mine.error} />
      {mine.data && <ChoicesForm mine={mine.data} />}
    </section>
  );
};

const ChoicesForm = ({ mine }: { mine: MyNotifications }) => {
  const { t, language } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useSaveMyNotifications();
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const [offline, setOffline] = useState(false);
  const [done, setDone] = useState(false);
  const editable = mine.choices.filter((c) => !c.locked);
  const levels = [...new Set(mine.choices.map((c) => c.level))];

  const send = async (v: Values) => {
    setRefusal(null);
    setOffline(false);
    setDone(false);
    try {
      const saved = await save.mutateAsync({
        ...contactOf(v),
        choices: editable.map((c, i) => ({ channel: c.channel, level: c.level, mode: v.choices[i].mode })),
      });
      form.setFieldsValue(valuesOf(saved, editable));
      setDone(true);
    } catch (e) {
      if (!(e instanceof ApiProblemError)) return setOffline(true);
      if (e.problem.code === 'VALIDATION_FAILED')
        placeFieldErrors(form, e.problem.details, ['email', 'phone', 'choices']);
      setRefusal(e.problem);
    }
  };

  const cell = (level: Level, channel: Channel) => {
    const label = `${NOTIFICATION_LEVEL_LABELS[level][language]} – ${DELIVERY_CHANNEL_LABELS[channel][language]}`;
    const index = editable.findIndex((c) => c.level === level && c.channel === channel);
    if (index < 0) return t('notifications.always');
    return (
      <Form.Item name={['choices', index, 'mode']} className="notifications-choice">
        <Select
          aria-label={label}
          popupMatchSelectWidth={false}
          options={(['immediate', 'digest', 'off'] as const).map((m) => ({
            value: m,
            label: DELIVERY_MODE_LABELS[m][language],
          }))}
        />
      </Form.Item>
    );
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={valuesOf(mine, editable)} onFinish={(v) => void send(v)}>
      {done && <Alert type="success" showIcon role="status" title={t('notifications.saved')} />}
      {refusal && <Alert type="error" showIcon role="alert" title={problemMessage(refusal, language)} />}
      {offline && <Alert type="error" showIcon role="alert" title={t('error.network')} />}
      <ContactInputs emailHint="notifications.emailHint" />
      <Table<{ level: Level }>
        rowKey="level"
        size="small"
        data-testid="notification-choices"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={levels.map((level) => ({ level }))}
        columns={[
          {
            title: t('notifications.kind'),
            key: 'level',
            render: (_, { level }) => (
              <>
                <div>{NOTIFICATION_LEVEL_LABELS[level][language]}</div>
                {mine.choices.some((c) => c.level === level && c.locked) && (
                  <Typography.Text type="secondary">{t('notifications.lockedReason')}</Typography.Text>
                )}
              </>
            ),
          },
          ...CHANNELS.map((channel) => ({
            title: DELIVERY_CHANNEL_LABELS[channel][language],
            key: channel,
            render: (_: unknown, { level }: { level: Level }) => cell(level, channel),
          })),
        ]}
      />
      <Button type="primary" htmlType="submit" loading={save.isPending} className="notifications-save">
        {t('notifications.save')}
      </Button>
    </Form>
  );
};
