import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/apiClient';
import { dataOf } from '../../api/problem';
import type { components } from '../../api/openapiTypes';

type Schemas = components['schemas'];
export type Report = Schemas['ReportViewDto'];
export type ReportTable = Schemas['ReportTableDto'];
export type ReportTexts = Schemas['ReportTextsDto'];
export type PeriodKind = Schemas['PeriodReportKind'];

const reportsKey = ['reports', 'workflow'] as const;

// The school's reports, newest school year first.
export const useSchoolReports = (schoolId: string | null) =>
  useQuery({
    queryKey: [...reportsKey, 'school', schoolId],
    enabled: schoolId !== null,
    queryFn: async () =>
      dataOf(await api.GET('/api/reports', { params: { query: { schoolId: schoolId ?? '', limit: 100 } } })).items,
  });

export const useReport = (id: string) =>
  useQuery({
    queryKey: [...reportsKey, id],
    queryFn: async () => dataOf(await api.GET('/api/reports/{id}', { params: { path: { id } } })),
  });

// The figures as the exports print them; they change only when the draft is counted again.
export const useReportTables = (id: string, figuresAt: string | undefined) =>
  useQuery({
    queryKey: [...reportsKey, id, 'tables', figuresAt],
    enabled: figuresAt !== undefined,
    queryFn: async () => dataOf(await api.GET('/api/reports/{id}/tables', { params: { path: { id } } })),
  });

export const useWardReports = (schoolYear: string, kind: PeriodKind) =>
  useQuery({
    queryKey: [...reportsKey, 'ward', schoolYear, kind],
    queryFn: async () => dataOf(await api.GET('/api/reports/ward', { params: { query: { schoolYear, kind } } })),
  });

export const useCreateReport = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['CreateReportDto']) => dataOf(await api.POST('/api/reports', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportsKey }),
  });
};

export type ReportStep =
  { step: 'edit'; texts: ReportTexts } | { step: 'refresh' | 'submit' | 'accept' } | { step: 'return'; reason: string };

// Every step of a report names the version it was read at: a report changed meanwhile answers 409.
const send = async (report: Report, s: ReportStep): Promise<Report> => {
  const path = { id: report.id };
  const version = report.version;
  switch (s.step) {
    case 'edit':
      return dataOf(await api.PATCH('/api/reports/{id}', { params: { path }, body: { version, texts: s.texts } }));
    case 'refresh':
      return dataOf(await api.POST('/api/reports/{id}/refresh', { params: { path }, body: { version } }));
    case 'submit':
      return dataOf(await api.POST('/api/reports/{id}/submit', { params: { path }, body: { version } }));
    case 'accept':
      return dataOf(await api.POST('/api/reports/{id}/accept', { params: { path }, body: { version } }));
    case 'return':
      return dataOf(
        await api.POST('/api/reports/{id}/return', { params: { path }, body: { version, reason: s.reason } }),
      );
  }
};

export const useReportStep = (report: Report | undefined) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (s: ReportStep) => send(report as Report, s),
    onSuccess: (next) => queryClient.setQueryData([...reportsKey, next.id], next),
    // The school's list, the ward's table and the figures page's deadlines all show the report's status.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['reports'] }),
  });
};
