export const FORM_FORMATS = ['docx', 'pdf'] as const;
export type FormFormat = (typeof FORM_FORMATS)[number];

export const CONTENT_TYPES: Record<FormFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};
