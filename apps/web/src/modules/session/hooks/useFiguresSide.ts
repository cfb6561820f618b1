import { useSession } from './useSession';

// Which side of the figures and reports a person sees: their school's (its leaders), the ward's (the ward officer).
export const useFiguresSide = () => {
  const roles = useSession()?.user.roles ?? [];
  return {
    ofSchool: roles.includes('principal') || roles.includes('supervisor'),
    ofWard: roles.includes('ward_officer'),
  };
};
