import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

// A page loaded when first visited: the login route carries none of them.
const page = <M,>(path: string, load: () => Promise<M>, pick: (m: M) => ComponentType): RouteObject => ({
  path,
  lazy: async () => ({ Component: pick(await load()) }),
});

// The pages behind the login, one per line.
export const signedInPages: RouteObject[] = [
  page(
    'mat-khau',
    () => import('../modules/password/components/PasswordPage'),
    (m) => m.PasswordPage,
  ),
  page(
    'thong-bao',
    () => import('../modules/notifications/components/NotificationsPage'),
    (m) => m.NotificationsPage,
  ),
  page(
    'hang-cho',
    () => import('../modules/supervision/components/QueuePage'),
    (m) => m.QueuePage,
  ),
  page(
    'canh-bao',
    () => import('../modules/alerts/components/AlertsPage'),
    (m) => m.AlertsPage,
  ),
  page(
    'viec-cua-toi',
    () => import('../modules/my-work/components/MyWorkPage'),
    (m) => m.MyWorkPage,
  ),
  page(
    'ho-so',
    () => import('../modules/cases/components/CaseListPage'),
    (m) => m.CaseListPage,
  ),
  page(
    'ho-so/moi',
    () => import('../modules/open-case/components/OpenCasePage'),
    (m) => m.OpenCasePage,
  ),
  page(
    'ho-so/:caseId',
    () => import('../modules/case-page/components/CasePage'),
    (m) => m.CasePage,
  ),
  page(
    'bao-cao',
    () => import('../modules/reports/components/ReportsPage'),
    (m) => m.ReportsPage,
  ),
  page(
    'bao-cao/:reportId',
    () => import('../modules/reports/components/ReportPage'),
    (m) => m.ReportPage,
  ),
  page(
    'so-lieu',
    () => import('../modules/figures/components/FiguresPage'),
    (m) => m.FiguresPage,
  ),
  page(
    'nha-truong/to-tu-van',
    () => import('../modules/school-records/team/TeamPage'),
    (m) => m.TeamPage,
  ),
  page(
    'nha-truong/hoat-dong',
    () => import('../modules/school-records/activities/ActivitiesPage'),
    (m) => m.ActivitiesPage,
  ),
  page(
    'nha-truong/boi-duong',
    () => import('../modules/school-records/training/TrainingPage'),
    (m) => m.TrainingPage,
  ),
  page(
    'nha-truong/co-so-vat-chat',
    () => import('../modules/school-records/facilities/FacilitiesPage'),
    (m) => m.FacilitiesPage,
  ),
  page(
    'kiem-tra',
    () => import('../modules/admin-chain/components/AdminChainPage'),
    (m) => m.AdminChainPage,
  ),
  page(
    'quan-tri/tai-khoan',
    () => import('../modules/admin/users/UsersPage'),
    (m) => m.UsersPage,
  ),
  page(
    'quan-tri/truong',
    () => import('../modules/admin/schools/SchoolsPage'),
    (m) => m.SchoolsPage,
  ),
  page(
    'quan-tri/cap-quyen',
    () => import('../modules/admin/grants/GrantsPage'),
    (m) => m.GrantsPage,
  ),
  page(
    'quan-tri/danh-ba',
    () => import('../modules/admin/directory/DirectoryPage'),
    (m) => m.DirectoryPage,
  ),
  page(
    'quan-tri/lich',
    () => import('../modules/admin/calendar/CalendarPage'),
    (m) => m.CalendarPage,
  ),
  // Personal data requests (Law 91/2025).
  page(
    'du-lieu-ca-nhan',
    () => import('../modules/data-requests/components/DataRequestsPage'),
    (m) => m.DataRequestsPage,
  ),
  page(
    'nhap-danh-sach',
    () => import('../modules/roster-import/components/RosterImportPage'),
    (m) => m.RosterImportPage,
  ),
  // Requests from other schools to take a learner and their cases: the supervisors answer them.
  page(
    'chuyen-truong',
    () => import('../modules/transfers/components/TransfersPage'),
    (m) => m.TransfersPage,
  ),
  // What this school asked other schools to take, and the trail it keeps of each case it handed on.
  page(
    'chuyen-truong/di',
    () => import('../modules/transfers/components/OutgoingTransfersPage'),
    (m) => m.OutgoingTransfersPage,
  ),
  page(
    'chuyen-truong/di/:transferId',
    () => import('../modules/transfers/components/TransferHistoryPage'),
    (m) => m.TransferHistoryPage,
  ),
  // Personal-data breaches: the admin records them; the principals and ward officers concerned read them.
  page(
    'su-co-du-lieu',
    () => import('../modules/breaches/components/BreachesPage'),
    (m) => m.BreachesPage,
  ),
  // The record of processing (Law 91/2025): the admin keeps it, the principal files it.
  page(
    'nhat-ky-xu-ly-du-lieu',
    () => import('../modules/processing-record/components/ProcessingRecordPage'),
    (m) => m.ProcessingRecordPage,
  ),
];

// Pages anyone may open without logging in.
export const publicPages: RouteObject[] = [
  page(
    '/bao-tin/:schoolCode',
    () => import('../modules/public-form/components/PublicReportPage'),
    (m) => m.PublicReportPage,
  ),
];
