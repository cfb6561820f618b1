import type { TabsProps } from 'antd';
import type { SessionUser } from '../../session/sessionStore';
import { sessionStore } from '../../session/sessionStore';
import { useI18n } from '../../i18n/I18nProvider';
import { CaseHistoryTab } from './CaseHistoryTab';

type Role = SessionUser['roles'][number];

// The roles the API lets read a case's trail (POLICY['case.history'] in libs/identity): the admin reads none.
export const HISTORY_ROLES: readonly Role[] = ['counsellor', 'supervisor', 'principal', 'auditor', 'ward_officer'];

export const mayReadHistory = (user: SessionUser | undefined): boolean =>
  !!user?.roles.some((role) => HISTORY_ROLES.includes(role));

const HistoryTabLabel = () => {
  const { t } = useI18n();
  return <>{t('history.tab')}</>;
};

// The case page's tab, or none for whoever may not read the trail. Spread into the page's Tabs items: a plain
// function, not a hook, since the page calls it after its early returns. The pane is rendered only once opened,
// so the trail (whose reading may itself be recorded) is fetched only when someone asks for it.
export const historyTab = (caseId: string): NonNullable<TabsProps['items']> =>
  mayReadHistory(sessionStore.get()?.user)
    ? [{ key: 'history', label: <HistoryTabLabel />, children: <CaseHistoryTab caseId={caseId} /> }]
    : [];
