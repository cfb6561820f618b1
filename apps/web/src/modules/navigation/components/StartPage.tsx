import { Navigate } from 'react-router';
import { useSession } from '../../session/hooks/useSession';
import { startPageOf } from '../navigation';

// `/`: each person lands on the page their role starts from.
export const StartPage = () => {
  const session = useSession();
  return session ? <Navigate to={startPageOf(session.user)} replace /> : null;
};
