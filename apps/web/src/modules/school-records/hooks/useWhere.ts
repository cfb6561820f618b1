import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { useWorkplace } from '../../workplace/hooks/useWorkplace';
import { isSchoolYear, schoolYearOf } from '../schoolYears';
import type { Where } from './useSchoolRecords';

// The school in the header and the school year in the address (?namHoc=2026-2027), the running one by default.
export const useWhere = () => {
  const { current } = useWorkplace();
  const [params, setParams] = useSearchParams();
  const asked = params.get('namHoc');
  const running = schoolYearOf(dayjs());
  const schoolYear = isSchoolYear(asked) ? asked : running;
  const choose = (year: string) => setParams(year === running ? {} : { namHoc: year }, { replace: true });
  const where: Where | null = current ? { schoolId: current.id, schoolYear } : null;
  return { school: current, schoolYear, running, choose, where };
};
