import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider';

export const NotFoundPage = () => {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.body')}
      extra={
        <Link to="/">
          <Button type="primary">{t('notFound.home')}</Button>
        </Link>
      }
    />
  );
};
