import { Typography } from 'antd';

// antd's grey for an empty table falls under 4.5:1: the message is ordinary text.
export const emptyText = (text: string) => ({ emptyText: <Typography.Text>{text}</Typography.Text> });
