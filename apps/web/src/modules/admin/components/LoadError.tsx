import { Alert } from 'antd';
import { ApiProblemError, problemMessage } from '../../api/problem';
import { useI18n } from '../../i18n/I18nProvider';

// A list that could not be read: the API's own words, or that the network failed.
export const LoadError = ({ error }: { error: Error | null }) => {
  const { t, language } = useI18n();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={error instanceof ApiProblemError ? problemMessage(error.problem, language) : t('error.network')}
    />
  );
};
