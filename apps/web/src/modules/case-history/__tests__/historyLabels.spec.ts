import type { SessionUser } from '../../session/sessionStore';
import { mayReadHistory } from '../components/historyTab';
import { actorRoleLabel, historyEventLabel } from '../historyLabels';

const user = (roles: SessionUser['roles']) => ({ roles }) as SessionUser;

describe('the change history’s words and who sees the tab', () => {
  it('words machine steps, the chain’s other events and the non-person actors; an unknown code gets none', () => {
    expect(historyEventLabel('START_ASSESSMENT', 'vi')).toBe('Bắt đầu đánh giá');
    expect(historyEventLabel('VIEWED', 'vi')).toBe('Xem nội dung bảo mật');
    expect(historyEventLabel('CASE_OPENED', 'en')).toBe('Case received');
    expect(historyEventLabel('SOMETHING_NEW', 'vi')).toBeNull();
    expect(historyEventLabel('toString', 'vi')).toBeNull();
    expect(actorRoleLabel('auditor', 'vi')).toBe('Thanh tra');
    expect(actorRoleLabel('system', 'vi')).toBe('Hệ thống');
    expect(actorRoleLabel('stranger', 'vi')).toBeNull();
  });

  it('shows the tab to the roles the API lets read a trail, not to the admin', () => {
    expect(mayReadHistory(user(['auditor']))).toBe(true);
    expect(mayReadHistory(user(['ward_officer']))).toBe(true);
    expect(mayReadHistory(user(['admin']))).toBe(false);
    expect(mayReadHistory(undefined)).toBe(false);
  });
});
