// The school clocks of the reports a school owes the ward (libs/reports runs them). Named here because the
// ward's SLA policy file, checked at boot, may name them beside the machine's kinds.
export const REPORT_DEADLINE_KINDS = ['report_semester1', 'report_year'] as const;
export type ReportKind = (typeof REPORT_DEADLINE_KINDS)[number];
