import { Tag } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { RISK_LABELS } from '../../labels/valueLabels';

// Quiet by default, loud where a child may be at risk: high in dark orange, critical in dark red, solid, white text
// (antd's light orange tag falls under WCAG's 4.5:1).
const COLORS = { low: undefined, medium: undefined, high: '#ad4e00', critical: '#a8071a' } as const;

export const RiskTag = ({ risk, testId }: { risk: keyof typeof RISK_LABELS; testId?: string }) => {
  const { language } = useI18n();
  return (
    <Tag color={COLORS[risk]} data-testid={testId}>
      {RISK_LABELS[risk][language]}
    </Tag>
  );
};
