import type { ProtectionKind, ProtectionRecipient } from '@dh/machines/case/types';
import type { Language } from '../i18n/I18nProvider';

// The machine's child-protection values (case@2, machines/case/v2/rules.ts), in words.
export const PROTECTION_KIND_LABELS: Record<ProtectionKind, Record<Language, string>> = {
  abuse: { vi: 'Xâm hại', en: 'Abuse' },
  violence: { vi: 'Bạo lực', en: 'Violence' },
  neglect: { vi: 'Bỏ mặc, sao nhãng', en: 'Neglect' },
  exploitation: { vi: 'Bóc lột', en: 'Exploitation' },
  school_violence: { vi: 'Bạo lực học đường', en: 'School violence' },
};

export const PROTECTION_RECIPIENT_LABELS: Record<ProtectionRecipient, Record<Language, string>> = {
  tong_dai_111: { vi: 'Tổng đài 111', en: 'The 111 hotline' },
  ubnd_phuong: { vi: 'Ủy ban nhân dân phường', en: 'Ward People’s Committee' },
  cong_an: { vi: 'Công an', en: 'Police' },
  phong_vhxh: { vi: 'Phòng Văn hóa – Xã hội', en: 'Culture and Society Office' },
  gia_dinh: { vi: 'Gia đình', en: 'The family' },
};
