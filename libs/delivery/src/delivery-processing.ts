import { BASIS, SUBJECT, type ProcessingDeclaration } from '@dh/privacy';

// What this module processes, for the record of processing (libs/processing-record).
export const DELIVERY_PROCESSING: ProcessingDeclaration = {
  activities: [
    {
      id: 'alert_delivery',
      purpose: {
        vi: 'Gửi cảnh báo cho cán bộ qua thư điện tử hoặc tin nhắn',
        en: 'Sending alerts to staff by e-mail or SMS',
      },
      legalBasis: [BASIS.circular18],
      subjects: [SUBJECT.staff],
      categories: [
        {
          data: {
            vi: 'Địa chỉ thư điện tử hoặc số điện thoại người nhận, nội dung cảnh báo (mã hồ sơ, không có nội dung hồ sơ), trạng thái gửi',
            en: "The recipient's e-mail address or phone, the alert's text (a case number, none of the case's content), delivery status",
          },
        },
      ],
      tables: ['alert_outbox', 'alert_delivery'],
      recipients: [
        {
          vi: 'Nhà cung cấp dịch vụ thư điện tử, tin nhắn do nhà trường cấu hình',
          en: 'The mail and SMS providers the school configures',
        },
      ],
      retention: { rule: { vi: 'Như cảnh báo mà lần gửi thuộc về', en: 'As long as the alert it delivers' } },
    },
  ],
};
