import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { isProblem, problemMessage, type Problem } from '../../api/problem';
import { placeFieldErrors } from '../../forms/fieldErrors';
import { textRule } from '../../forms/textRules';
import { useI18n } from '../../i18n/I18nProvider';
import { LanguageSwitch } from '../../i18n/components/LanguageSwitch';
import { useProofOfWork } from '../hooks/useProofOfWork';
import { publicApi } from '../publicApi';
import { HotlineNotice } from './HotlineNotice';
import { ReportSent } from './ReportSent';
import { SchoolNotFound } from './SchoolNotFound';

// The API's limits (PublicIntakeDto).
export const WHAT_MAX = 5000;
export const CONTACT_MAX = 200;
const SCHOOL_CODE = /^[A-Z0-9]{2,10}$/;
const FIELDS = ['whatIsHappening', 'contact', 'urgent'];

type Values = { whatIsHappening: string; contact?: string; urgent?: boolean; website?: string };
type Refusal =
  | { kind: 'tooMany'; minutes: number }
  | { kind: 'problem'; problem: Problem }
  | { kind: 'offline' }
  | { kind: 'fieldsOnly' };

const minutesOf = (problem: Problem): number => {
  const details = problem.details as { retryAfterSeconds?: unknown } | undefined;
  const seconds = typeof details?.retryAfterSeconds === 'number' ? details.retryAfterSeconds : 60;
  return Math.max(1, Math.ceil(seconds / 60));
};

const namesSchool = (problem: Problem): boolean =>
  Array.isArray(problem.details) && (problem.details as { field?: unknown }[]).some((d) => d.field === 'schoolCode');

// The public report page (no login): a learner or a parent tells the school what is happening, anonymously. The
// school comes from the address on its notice board; the proof of work against bots runs in the background.
export const PublicReportPage = () => {
  const { t, language } = useI18n();
  const schoolCode = (useParams().schoolCode ?? '').trim().toUpperCase();
  const [form] = Form.useForm<Values>();
  const proofOfWork = useProofOfWork();
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [trackingCode, setTrackingCode] = useState<string | null>(null);
  const refusalRef = useRef<HTMLDivElement>(null);
  const [noSchool, setNoSchool] = useState<{ written?: string } | null>(SCHOOL_CODE.test(schoolCode) ? null : {});
  // The school named before anyone writes; a code no school has is said at once. Offline, the form stays: sending
  // says what is wrong then.
  const school = useQuery({
    queryKey: ['public-school', schoolCode],
    enabled: noSchool === null,
    retry: false,
    queryFn: async () => {
      const { data, response } = await publicApi.GET('/api/public/schools/{code}', {
        params: { path: { code: schoolCode } },
      });
      if (response.status === 404) return null;
      return data ?? { code: schoolCode, name: schoolCode };
    },
  });

  // On a phone the send button is a screen below the message: the message comes into sight.
  useEffect(() => {
    if (refusal) refusalRef.current?.scrollIntoView({ block: 'center' });
  }, [refusal]);

  const post = async (values: Values) =>
    publicApi.POST('/api/public/intake', {
      body: {
        schoolCode,
        whatIsHappening: values.whatIsHappening,
        contact: values.contact?.trim() ? values.contact : undefined,
        urgent: values.urgent === true,
        website: values.website ? values.website : undefined,
        altcha: await proofOfWork.take(),
      },
    });

  const send = async (values: Values) => {
    setSending(true);
    setRefusal(null);
    try {
      let answer = await post(values);
      // An expired or spent challenge (a report written over more than half an hour): a new one, once.
      if (isProblem(answer.error) && answer.error.code === 'PROOF_OF_WORK_REFUSED') answer = await post(values);
      const { data, error } = answer;
      if (data) {
        setTrackingCode(data.trackingCode);
        form.resetFields();
        return;
      }
      if (!isProblem(error)) return setRefusal({ kind: 'offline' });
      if (error.code === 'TOO_MANY_REPORTS') return setRefusal({ kind: 'tooMany', minutes: minutesOf(error) });
      if (error.code === 'VALIDATION_FAILED' && namesSchool(error))
        return setNoSchool({ written: values.whatIsHappening });
      const unplaced = error.code === 'VALIDATION_FAILED' ? placeFieldErrors(form, error.details, FIELDS) : [];
      setRefusal(
        error.code === 'VALIDATION_FAILED' && unplaced.length === 0
          ? { kind: 'fieldsOnly' }
          : { kind: 'problem', problem: error },
      );
    } catch {
      setRefusal({ kind: 'offline' });
    } finally {
      setSending(false);
      proofOfWork.prepare();
    }
  };

  const refusalText = (r: Refusal): string => {
    if (r.kind === 'tooMany') return t('publicForm.tooMany', { minutes: r.minutes });
    if (r.kind === 'offline') return t('publicForm.offline');
    if (r.kind === 'fieldsOnly') return t('publicForm.fixFields');
    return problemMessage(r.problem, language);
  };

  const body = () => {
    if (noSchool || school.data === null) return <SchoolNotFound schoolCode={schoolCode} written={noSchool?.written} />;
    if (trackingCode) return <ReportSent trackingCode={trackingCode} onAnother={() => setTrackingCode(null)} />;
    return (
      <>
        <p>{t('publicForm.intro')}</p>
        <p>
          {t('publicForm.school')} <strong>{school.data?.name ?? schoolCode}</strong>
        </p>
        {refusal && (
          <div ref={refusalRef}>
            <Alert
              type={refusal.kind === 'tooMany' ? 'warning' : 'error'}
              showIcon
              role="alert"
              className="public-refusal"
              title={refusalText(refusal)}
            />
          </div>
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark="optional"
          onFinish={(values) => void send(values)}
          disabled={sending}
        >
          <Form.Item
            name="whatIsHappening"
            className="public-what"
            label={t('publicForm.what')}
            extra={t('publicForm.whatHint')}
            required
            rules={[textRule(t, WHAT_MAX, true)]}
          >
            <Input.TextArea rows={6} maxLength={WHAT_MAX} showCount />
          </Form.Item>
          <Form.Item
            name="contact"
            label={t('publicForm.contact')}
            extra={t('publicForm.contactHint')}
            rules={[textRule(t, CONTACT_MAX)]}
          >
            <Input maxLength={CONTACT_MAX} autoComplete="off" />
          </Form.Item>
          <Form.Item name="urgent" valuePropName="checked" extra={t('publicForm.urgentHint')}>
            <Checkbox>{t('publicForm.urgent')}</Checkbox>
          </Form.Item>
          {/* The honeypot: off-screen (not display:none, which bots skip), out of the tab order and of the
              accessibility tree; a person never fills it, and the API drops a report that has it filled. */}
          <div className="public-form-trap" aria-hidden="true">
            <Form.Item name="website" label={t('publicForm.trap')}>
              <Input tabIndex={-1} autoComplete="off" />
            </Form.Item>
          </div>
          <Button type="primary" htmlType="submit" size="large" block loading={sending}>
            {sending ? t('publicForm.sending') : t('publicForm.send')}
          </Button>
          <p className="public-status" role="status">
            {sending ? t('publicForm.sendingStatus') : ''}
          </p>
        </Form>
      </>
    );
  };

  return (
    <main className="public-page">
      <Card className="public-card">
        <div className="login-heading">
          <Typography.Title level={1} className="public-title">
            {t('publicForm.title')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        <HotlineNotice />
        {body()}
      </Card>
    </main>
  );
};
