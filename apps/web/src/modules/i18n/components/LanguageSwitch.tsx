import { Button } from 'antd';
import { useI18n } from '../I18nProvider';

// Names the other language in that language, as a switch is read by whoever needs it.
export const LanguageSwitch = () => {
  const { t, language, setLanguage } = useI18n();
  return (
    <Button
      type="link"
      lang={language === 'vi' ? 'en' : 'vi'}
      onClick={() => setLanguage(language === 'vi' ? 'en' : 'vi')}
    >
      {t('language.switch')}
    </Button>
  );
};
