import { Button, Checkbox, List, Space } from 'antd';
import type { components } from '../../api/openapiTypes';
import { useI18n } from '../../i18n/I18nProvider';
import { AREA_LABELS } from '../../labels/valueLabels';

type AreaCode = components['schemas']['AreaCode'];

// The seven content areas in the order the counsellor ranks them; the ticked ones go to the API, ranked 1..n in
// this order. Arrows move an area up or down, by mouse or keyboard.
export const AreaRanking = ({
  value = [],
  order,
  onOrder,
  onChange,
}: {
  value?: AreaCode[];
  order: AreaCode[];
  onOrder: (order: AreaCode[]) => void;
  onChange?: (value: AreaCode[]) => void;
}) => {
  const { t, language } = useI18n();
  const ticked = (list: AreaCode[], chosen: AreaCode[]) => list.filter((a) => chosen.includes(a));
  const move = (i: number, by: -1 | 1) => {
    const next = [...order];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    onOrder(next);
    onChange?.(ticked(next, value));
  };
  return (
    <List
      size="small"
      bordered
      dataSource={order}
      renderItem={(area, i) => (
        <List.Item
          actions={[
            <Button
              key="up"
              size="small"
              disabled={i === 0}
              aria-label={t('openCase.moveUp', { area: AREA_LABELS[area][language] })}
              onClick={() => move(i, -1)}
            >
              ↑
            </Button>,
            <Button
              key="down"
              size="small"
              disabled={i === order.length - 1}
              aria-label={t('openCase.moveDown', { area: AREA_LABELS[area][language] })}
              onClick={() => move(i, 1)}
            >
              ↓
            </Button>,
          ]}
        >
          <Space>
            <Checkbox
              checked={value.includes(area)}
              onChange={(e) =>
                onChange?.(ticked(order, e.target.checked ? [...value, area] : value.filter((a) => a !== area)))
              }
            >
              {AREA_LABELS[area][language]}
            </Checkbox>
            {value.includes(area) && <strong>#{value.indexOf(area) + 1}</strong>}
          </Space>
        </List.Item>
      )}
    />
  );
};
