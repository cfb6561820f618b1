import { Alert, Button } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';

// The national child-protection hotline comes first on every state of the page: a child in danger needs a voice
// now, not a form that someone reads later.
export const HotlineNotice = () => {
  const { t } = useI18n();
  return (
    <Alert
      type="warning"
      className="public-hotline"
      title={<strong>{t('publicForm.hotlineTitle')}</strong>}
      description={
        <>
          <p className="public-hotline-text">{t('publicForm.hotlineText')}</p>
          <Button type="primary" danger size="large" href="tel:111" block>
            {t('publicForm.hotlineCall')}
          </Button>
        </>
      }
    />
  );
};
