import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../hooks/useSession';

// A page behind the login: without a session, the login page, which brings the person back here afterwards.
export const RequireSession = ({ children }: { children: ReactNode }) => {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/dang-nhap" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return children;
};
