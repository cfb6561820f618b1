import { render, screen } from '@testing-library/react';
import { I18nProvider, useI18n } from '../I18nProvider';

const Greeting = () => <p>{useI18n().t('login.title')}</p>;

describe('the remembered language', () => {
  beforeEach(() => {
    localStorage.clear();
    // What the server sends: the page is Vietnamese until the app says otherwise.
    document.documentElement.lang = 'vi';
  });

  it('is the language of the page from the first render, for screen readers and the browser’s spelling too', () => {
    localStorage.setItem('dh.language', 'en');
    render(
      <I18nProvider>
        <Greeting />
      </I18nProvider>,
    );
    expect(screen.getByText('Log in')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });

  it('leaves a page without a remembered choice in Vietnamese', () => {
    render(
      <I18nProvider>
        <Greeting />
      </I18nProvider>,
    );
    expect(screen.getByText('Đăng nhập')).toBeTruthy();
    expect(document.documentElement.lang).toBe('vi');
  });
});
