import { createBrowserRouter, Navigate } from 'react-router';
import { CaseListPage } from '../modules/cases/components/CaseListPage';
import { AppLayout } from '../modules/layout/components/AppLayout';
import { LoginPage } from '../modules/login/components/LoginPage';
import { NotFoundPage } from '../modules/not-found/components/NotFoundPage';
import { RequireSession } from '../modules/session/components/RequireSession';

export const router = createBrowserRouter([
  { path: '/dang-nhap', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <Navigate to="/ho-so" replace /> },
      { path: 'ho-so', element: <CaseListPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
