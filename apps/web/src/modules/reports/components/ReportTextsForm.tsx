import { Alert, Button, Form, Input } from 'antd';
import { ApiProblemError, problemMessage } from '../../api/problem';
import type { DictionaryKey } from '../../i18n/dictionaryVi';
import { useI18n } from '../../i18n/I18nProvider';
import { textRule } from '../../forms/textRules';
import type { Report, ReportTexts, useReportStep } from '../hooks/useReports';

// The sections the principal writes, in the plan's order.
export const SECTIONS: { key: keyof Report['texts']; label: DictionaryKey }[] = [
  { key: 'direction', label: 'reports.section.direction' },
  { key: 'coordination', label: 'reports.section.coordination' },
  { key: 'results', label: 'reports.section.results' },
  { key: 'difficulties', label: 'reports.section.difficulties' },
  { key: 'proposals', label: 'reports.section.proposals' },
];
export const SECTION_MAX = 10_000;

// A draft's texts, saved together; the form starts again from what was saved (its key is the report's version).
export const ReportTextsForm = ({ report, step }: { report: Report; step: ReturnType<typeof useReportStep> }) => {
  const { t, language } = useI18n();
  const [form] = Form.useForm<ReportTexts>();
  const failed = step.variables?.step === 'edit' ? step.error : null;
  return (
    <Form<ReportTexts>
      key={report.version}
      form={form}
      layout="vertical"
      initialValues={report.texts}
      onFinish={(texts) => step.mutate({ step: 'edit', texts })}
    >
      {SECTIONS.map((s) => (
        <Form.Item key={s.key} name={s.key} label={t(s.label)} rules={[textRule(t, SECTION_MAX)]}>
          <Input.TextArea rows={4} showCount maxLength={SECTION_MAX} />
        </Form.Item>
      ))}
      {failed && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={failed instanceof ApiProblemError ? problemMessage(failed.problem, language) : t('error.network')}
        />
      )}
      <Button type="primary" htmlType="submit" loading={step.isPending && step.variables?.step === 'edit'}>
        {t('reports.saveTexts')}
      </Button>
    </Form>
  );
};
