import { Button, Checkbox, Descriptions, Form, Input, Space, Switch } from 'antd';
import { useState } from 'react';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { LoadError } from '../../admin/components/LoadError';
import { FormDrawer } from '../../forms/components/FormDrawer';
import { textRule } from '../../forms/textRules';
import { useI18n } from '../../i18n/I18nProvider';
import { ONLINE_CHANNEL_LABELS } from '../../labels/valueLabels';
import { YearBar } from '../components/YearBar';
import { useFacilities, useMayKeep, useRefreshRecords, type Where } from '../hooks/useSchoolRecords';
import { useWhere } from '../hooks/useWhere';

type Facilities = components['schemas']['FacilitiesViewDto'];
type Values = Pick<Facilities, 'counsellingRoom' | 'roomPrivate' | 'onlineChannels'> & { note?: string | null };
const FIELDS = ['counsellingRoom', 'roomPrivate', 'onlineChannels', 'note'];
const CHANNELS = Object.keys(ONLINE_CHANNEL_LABELS) as Facilities['onlineChannels'];

export const FacilitiesDrawer = ({
  where,
  facilities,
  onClose,
}: {
  where: Where;
  facilities: Facilities;
  onClose: () => void;
}) => {
  const { t, language } = useI18n();
  const [form] = Form.useForm<Values>();
  const room = Form.useWatch('counsellingRoom', form);
  return (
    <FormDrawer<Values>
      title={t('schoolRecords.facilities.edit')}
      form={form}
      fields={FIELDS}
      submit="adminUsers.save"
      initialValues={{ ...facilities, note: facilities.note ?? undefined }}
      onClose={onClose}
      send={(v) =>
        api.PUT('/api/school-records/facilities', {
          body: {
            ...where,
            counsellingRoom: v.counsellingRoom,
            // A private room only with a room.
            roomPrivate: v.counsellingRoom && v.roomPrivate,
            onlineChannels: v.onlineChannels ?? [],
            note: v.note?.trim() ? v.note.trim() : null,
          },
        })
      }
    >
      <Form.Item name="counsellingRoom" label={t('schoolRecords.facilities.room')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="roomPrivate" label={t('schoolRecords.facilities.private')} valuePropName="checked">
        <Switch disabled={!room} />
      </Form.Item>
      <Form.Item name="onlineChannels" label={t('schoolRecords.facilities.channels')}>
        <Checkbox.Group options={CHANNELS.map((c) => ({ value: c, label: ONLINE_CHANNEL_LABELS[c][language] }))} />
      </Form.Item>
      <Form.Item name="note" label={t('schoolRecords.note')} rules={[textRule(t, 2000)]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormDrawer>
  );
};

// Cơ sở vật chất: the counselling room and the ways learners reach the team online, for the school year.
export const FacilitiesPage = () => {
  const { t, language } = useI18n();
  const { where } = useWhere();
  const facilities = useFacilities(where);
  const mayKeep = useMayKeep();
  const refresh = useRefreshRecords();
  const [open, setOpen] = useState(false);
  const f = facilities.data;
  const yesNo = (v: boolean) => (v ? t('schoolRecords.yes') : t('schoolRecords.no'));
  return (
    <section>
      <YearBar title="schoolRecords.facilities.title" intro="schoolRecords.facilities.intro" />
      <Space orientation="vertical" size="middle" className="admin-page">
        <LoadError error={facilities.error} />
        {f && (
          <Descriptions bordered column={1} size="small" data-testid="facilities">
            <Descriptions.Item label={t('schoolRecords.facilities.room')}>{yesNo(f.counsellingRoom)}</Descriptions.Item>
            <Descriptions.Item label={t('schoolRecords.facilities.private')}>{yesNo(f.roomPrivate)}</Descriptions.Item>
            <Descriptions.Item label={t('schoolRecords.facilities.channels')}>
              {f.onlineChannels.length
                ? f.onlineChannels.map((c) => ONLINE_CHANNEL_LABELS[c][language]).join('; ')
                : t('schoolRecords.facilities.noChannel')}
            </Descriptions.Item>
            <Descriptions.Item label={t('schoolRecords.note')}>{f.note ?? ''}</Descriptions.Item>
          </Descriptions>
        )}
        {f && f.updatedAt === null && <p>{t('schoolRecords.facilities.notYet')}</p>}
        {mayKeep && f && (
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('schoolRecords.facilities.edit')}
          </Button>
        )}
      </Space>
      {open && where && f && (
        <FacilitiesDrawer
          where={where}
          facilities={f}
          onClose={() => {
            setOpen(false);
            void refresh('facilities');
          }}
        />
      )}
    </section>
  );
};
