import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { dataOf } from '../../api/problem';
import { useSession } from '../../session/hooks/useSession';
import { useWorkplace } from '../../workplace/hooks/useWorkplace';

export type RosterImport = components['schemas']['RosterImportViewDto'];
export type RosterMapping = components['schemas']['RosterMappingDto'];
export type RosterResolution = components['schemas']['RosterResolutionDto'];
type ConfirmBody = components['schemas']['ConfirmRosterImportDto'];

type Path = { params: { path: { id: string; importId: string } } };
const at = (schoolId: string, importId: string): Path => ({ params: { path: { id: schoolId, importId } } });

// The file goes as multipart: openapi-fetch sends a FormData as it is, the browser setting its boundary.
export const uploadRoster = async (schoolId: string, file: File): Promise<RosterImport> => {
  const form = new FormData();
  form.append('file', file);
  return dataOf(
    await api.POST('/api/schools/{id}/roster-imports', {
      params: { path: { id: schoolId } },
      body: { file: '' },
      bodySerializer: () => form,
    }),
  );
};

export const changeRosterMapping = async (
  schoolId: string,
  importId: string,
  mapping: RosterMapping,
): Promise<RosterImport> =>
  dataOf(
    await api.PUT('/api/schools/{id}/roster-imports/{importId}/mapping', {
      ...at(schoolId, importId),
      body: { mapping },
    }),
  );

export const confirmRoster = async (schoolId: string, importId: string, body: ConfirmBody): Promise<RosterImport> =>
  dataOf(await api.POST('/api/schools/{id}/roster-imports/{importId}/confirm', { ...at(schoolId, importId), body }));

// An import after its confirmation, read again every second while it runs.
export const useRosterProgress = (schoolId: string, importId: string | null) =>
  useQuery({
    queryKey: ['roster-import', schoolId, importId],
    enabled: importId !== null,
    queryFn: async () =>
      dataOf(await api.GET('/api/schools/{id}/roster-imports/{importId}', at(schoolId, importId as string))),
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'running' ? false : 1000),
  });

// The schools the caller may import into: their own (the header's school first), or, for the admin, every school.
export const useImportSchools = () => {
  const isAdmin = useSession()?.user.roles.includes('admin') ?? false;
  const { schools, current } = useWorkplace();
  const all = useQuery({
    queryKey: ['admin', 'schools'],
    enabled: isAdmin,
    queryFn: async () => dataOf(await api.GET('/api/admin/schools')).items,
  });
  const list = isAdmin ? (all.data ?? []).map((s) => ({ id: s.id, name: s.name })) : schools;
  return { isAdmin, schools: list, initial: current?.id ?? list[0]?.id ?? null };
};
