// A form's template is data (config/forms/mau-0N.vM.json): the official layout of the Circular's appendix
// replaces ours without a code change. The code owns only the keys each form's loader fills (form-keys.ts).

// The Circular's four numbered forms, and the two records the school keeps beside them, printed the same way:
// the support plan (ke-hoach) and the family contacts log (lien-he-gia-dinh).
export const FORM_NUMBERS = ['01', '02', '03', '04', 'ke-hoach', 'lien-he-gia-dinh'] as const;
export type FormNumber = (typeof FORM_NUMBERS)[number];

export const FIELD_KINDS = ['text', 'date', 'checkbox-choice', 'table', 'signature'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export type ChoiceOption = { value: string; label: string; detailKey?: string };
// A coded column (a session's form, an area) prints its options' labels, never the codes.
export type TableColumn = { key: string; label: string; options?: ChoiceOption[] };

type FieldBase = { key: string; label: string };
// `dots`: length of the dotted blank when the value is missing; `lines`: how many dotted lines a long answer gets.
export type TextField = FieldBase & { kind: 'text'; dots?: number; lines?: number };
export type DateField = FieldBase & { kind: 'date' };
export type ChoiceField = FieldBase & { kind: 'checkbox-choice'; options: ChoiceOption[] };
// `emptyRows`: blank rows printed when the case has none, for filling by hand.
export type TableField = FieldBase & { kind: 'table'; columns: TableColumn[]; emptyRows?: number };
// `label` is the signer's title; the key names the signer; `dateKey` dates the "…, ngày … tháng … năm …" line;
// `note` replaces "(Ký, ghi rõ họ tên)" under the title: "(Ký tên, đóng dấu)" where the school's stamp goes.
export type SignatureField = FieldBase & { kind: 'signature'; dateKey?: string; note?: string };
export type FormField = TextField | DateField | ChoiceField | TableField | SignatureField;

export type FormSection = { heading?: string; fields: FormField[] };

export type FormTemplate = {
  form: FormNumber;
  version: number;
  title: string;
  subtitle?: string;
  sections: FormSection[];
};

// What the loaders put in a form: a text, a date ('YYYY-MM-DD' or 'YYYY-MM-DD HH:mm', local), the chosen
// option(s), or table rows. null (or absent) is a blank to fill by hand.
export type TableRowValue = Record<string, string | null>;
export type FormValue = string | string[] | TableRowValue[] | null;
export type FormValues = Record<string, FormValue>;

// The page around the fields: who the form is from.
export type FormLetterhead = { schoolName: string; wardName: string | null };
