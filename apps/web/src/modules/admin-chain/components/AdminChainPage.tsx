import { Alert, Button, Card, Space, Typography } from 'antd';
import { ApiProblemError, problemMessage } from '../../api/problem';
import { ChainBadge } from '../../case-history/components/ChainBadge';
import { useI18n } from '../../i18n/I18nProvider';
import { useAdminChainVerdict } from '../hooks/useAdminChainVerdict';

// Whether the admin chain (accounts, schools, calendar, grants) still holds: the admin's and the inspector's check
// (POLICY['audit.checkpoints']); anyone else who reaches the address reads the API's own refusal.
export const AdminChainPage = () => {
  const { t, language } = useI18n();
  const verdict = useAdminChainVerdict();
  return (
    <section>
      <Typography.Title level={1}>{t('adminChain.title')}</Typography.Title>
      <Typography.Paragraph>{t('adminChain.intro')}</Typography.Paragraph>
      <Space orientation="vertical" size="middle" className="admin-chain">
        {verdict.error ? (
          <Alert
            type="error"
            showIcon
            title={
              verdict.error instanceof ApiProblemError
                ? problemMessage(verdict.error.problem, language)
                : t('error.network')
            }
          />
        ) : verdict.data ? (
          <ChainBadge verdict={verdict.data} />
        ) : (
          <Card loading />
        )}
        <Button onClick={() => void verdict.refetch()} loading={verdict.isFetching}>
          {t('adminChain.recheck')}
        </Button>
      </Space>
    </section>
  );
};
