import { DatePicker, Form, Input, Select, type FormRule, type SelectProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Translate } from '../../i18n/I18nProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { textRule } from '../../forms/textRules';

// libs/identity/src/dtos/grant-window.dto.ts: a reason up to 2,000 characters and an end that has not passed.
export const REASON_MAX = 2000;
export const DATE = 'DD/MM/YYYY';

export type WindowValues = { reason: string; expiresAt: Dayjs };

// A grant runs to the end of the day chosen, in the admin's own time zone (the offset goes with it).
export const expiresAtOf = (day: Dayjs): string => day.endOf('day').format('YYYY-MM-DDTHH:mm:ssZ');

const futureDayRule = (t: Translate): FormRule => ({
  validator: async (_, value: Dayjs | undefined) => {
    if (!value) throw new Error(t('casePage.required'));
    if (value.isBefore(dayjs(), 'day')) throw new Error(t('adminGrants.pastDay'));
  },
});

// Form.Item hands its control an id (for the label), the value and onChange: all passed on, or the pick is lost.
export const PersonSelect = (props: SelectProps & { options: { value: string; label: string }[] }) => (
  <Select showSearch optionFilterProp="label" {...props} />
);

// Why and until when: what both kinds of grant ask.
export const WindowInputs = () => {
  const { t } = useI18n();
  return (
    <>
      <Form.Item
        name="reason"
        label={t('adminGrants.reason')}
        extra={t('adminGrants.reasonHint')}
        required
        rules={[textRule(t, REASON_MAX, true)]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item
        name="expiresAt"
        label={t('adminGrants.expiresAt')}
        extra={t('adminGrants.expiresHint')}
        required
        rules={[futureDayRule(t)]}
      >
        {/* No placeholder: antd's placeholder grey falls under 4.5:1; the hint says what to choose. */}
        <DatePicker format={DATE} placeholder="" disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
    </>
  );
};
