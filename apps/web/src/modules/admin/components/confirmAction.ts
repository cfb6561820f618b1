import type { App } from 'antd';
import { isProblem, problemMessage } from '../../api/problem';
import type { Translate, Language } from '../../i18n/I18nProvider';
import type { Sent } from '../../forms/components/FormDrawer';

// An action that cannot be undone from the page (disabling an account, revoking a grant): asked first, then sent;
// the API's refusal is said in its own words.
export const confirmAction = (
  app: ReturnType<typeof App.useApp>,
  { t, language }: { t: Translate; language: Language },
  {
    title,
    content,
    ok,
    send,
    done,
  }: { title: string; content: string; ok: string; send: () => Promise<Sent>; done: () => Promise<unknown> },
): void => {
  void app.modal.confirm({
    title,
    content,
    okText: ok,
    okButtonProps: { danger: true },
    cancelText: t('casePage.cancel'),
    onOk: async () => {
      try {
        const { error } = await send();
        if (error !== undefined) {
          void app.message.error(isProblem(error) ? problemMessage(error, language) : t('error.network'));
        }
      } catch {
        void app.message.error(t('error.network'));
      }
      await done();
    },
  });
};
