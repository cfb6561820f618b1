import { Tag } from 'antd';
import type { components } from '../../api/openapiTypes';
import { useI18n } from '../../i18n/I18nProvider';
import { TRANSFER_STATUS_LABELS } from '../../labels/valueLabels';

type Status = components['schemas']['TransferStatus'];

// The preset 'success' green on its pale ground fails the contrast check (axe): a dark green, white text on it.
const STATUS_COLOR: Record<Status, string> = {
  requested: 'processing',
  accepted: '#237804',
  declined: 'default',
  expired: 'default',
};

// A request's status in words, the colour only repeating them.
export const TransferStatusTag = ({ status }: { status: Status }) => {
  const { language } = useI18n();
  return <Tag color={STATUS_COLOR[status]}>{TRANSFER_STATUS_LABELS[status][language]}</Tag>;
};
