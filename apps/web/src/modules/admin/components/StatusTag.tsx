import { Tag } from 'antd';

// Whether a row still counts (an account that opens, a live grant, a receiver still referred to): the quiet default
// tag when it does, solid dark red with white text when it no longer does (antd's light green and red tags fall
// under WCAG's 4.5:1).
export const StatusTag = ({ live, children }: { live: boolean; children: string }) => (
  <Tag color={live ? undefined : '#a8071a'}>{children}</Tag>
);
