import { createBrowserRouter, Outlet } from 'react-router';
import { LoginPage } from '../modules/login/components/LoginPage';
import { StartPage } from '../modules/navigation/components/StartPage';
import { RequireSession } from '../modules/session/components/RequireSession';
import { publicPages, signedInPages } from './pages';

// The login page comes with the first load; everything behind it loads when it is first needed, so the first screen
// on a school connection carries only what it shows.
export const router = createBrowserRouter([
  { path: '/dang-nhap', element: <LoginPage /> },
  ...publicPages,
  {
    path: '/',
    element: (
      <RequireSession>
        <Outlet />
      </RequireSession>
    ),
    children: [
      {
        lazy: async () => ({ Component: (await import('../modules/layout/components/AppLayout')).AppLayout }),
        children: [
          { index: true, element: <StartPage /> },
          ...signedInPages,
          {
            path: '*',
            lazy: async () => ({
              Component: (await import('../modules/not-found/components/NotFoundPage')).NotFoundPage,
            }),
          },
        ],
      },
    ],
  },
]);
