import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { RouterProvider } from 'react-router';
import { I18nProvider, useI18n } from '../modules/i18n/I18nProvider';
import { router } from './router';

// antd's default blue (#1677ff) and grey secondary text fall under WCAG's 4.5:1 on white: darker ones, same hues.
const THEME = {
  token: {
    colorPrimary: '#0958d9',
    colorInfo: '#0958d9',
    colorLink: '#0958d9',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    // antd's own red falls under 4.5:1 for a field's error text on white.
    colorError: '#cf1322',
  },
};

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });

// The nonce the server gave this page (apps/api/src/web-app/serve-web-app.ts): antd's <style> elements carry it, so
// the content security policy admits them and nothing else inline. Under `npm run dev:web` there is none.
const nonceMeta = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;
const cspNonce = nonceMeta && nonceMeta !== '__CSP_NONCE__' ? nonceMeta : undefined;

// antd's own words (date picker, pagination, empty tables) follow the app's language.
const Themed = () => {
  const { language } = useI18n();
  dayjs.locale(language === 'vi' ? 'vi' : 'en');
  return (
    <ConfigProvider locale={language === 'vi' ? viVN : enUS} csp={{ nonce: cspNonce }} theme={THEME}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
};

export const App = () => (
  <QueryClientProvider client={queryClient}>
    <I18nProvider>
      <Themed />
    </I18nProvider>
  </QueryClientProvider>
);
