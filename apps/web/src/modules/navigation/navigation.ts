import type { DictionaryKey } from '../i18n/dictionaryVi';
import type { SessionUser } from '../session/sessionStore';

type Role = SessionUser['roles'][number];

// Where each role starts its day after logging in; the first of a person's roles decides.
export const START_PAGE: Record<Role, string> = {
  counsellor: '/viec-cua-toi',
  supervisor: '/hang-cho',
  principal: '/so-lieu',
  ward_officer: '/so-lieu',
  auditor: '/ho-so',
  admin: '/quan-tri/tai-khoan',
};

export const startPageOf = (user: SessionUser): string => START_PAGE[user.roles[0] ?? 'counsellor'];

// The menu: an entry shows to a person holding any of its roles. One entry per line.
export type MenuEntry = { path: string; label: DictionaryKey; roles: Role[] };

// Everyone who reads cases (POLICY['case.read']): the admin does not.
const CASE_READERS: Role[] = ['counsellor', 'supervisor', 'principal', 'ward_officer', 'auditor'];

// The school's own records are of the school in the header: the ward officer reads them through the API, not here.
const SCHOOL_RECORDS_READERS: Role[] = ['counsellor', 'supervisor', 'principal'];

export const MENU: MenuEntry[] = [
  { path: '/viec-cua-toi', label: 'menu.myWork', roles: ['counsellor'] },
  { path: '/hang-cho', label: 'menu.queue', roles: ['supervisor'] },
  { path: '/ho-so/moi', label: 'menu.openCase', roles: ['counsellor', 'supervisor'] },
  { path: '/ho-so', label: 'menu.cases', roles: CASE_READERS },
  { path: '/so-lieu', label: 'menu.figures', roles: ['principal', 'supervisor', 'ward_officer'] },
  { path: '/bao-cao', label: 'menu.reports', roles: ['principal', 'supervisor', 'ward_officer'] },
  { path: '/canh-bao', label: 'menu.alerts', roles: ['counsellor', 'supervisor', 'principal', 'ward_officer'] },
  // What the school keeps beside its cases: its leaders keep it, its counsellors read it (POLICY['school_records.read']).
  { path: '/nha-truong/to-tu-van', label: 'menu.schoolTeam', roles: SCHOOL_RECORDS_READERS },
  { path: '/nha-truong/hoat-dong', label: 'menu.schoolActivities', roles: SCHOOL_RECORDS_READERS },
  { path: '/nha-truong/boi-duong', label: 'menu.schoolTraining', roles: SCHOOL_RECORDS_READERS },
  { path: '/nha-truong/co-so-vat-chat', label: 'menu.schoolFacilities', roles: SCHOOL_RECORDS_READERS },
  // A learner's or guardian's request about their data (POLICY['privacy.request']): the school's leaders.
  { path: '/du-lieu-ca-nhan', label: 'menu.dataRequests', roles: ['supervisor', 'principal'] },
  // A school's roster from its own export (POLICY['learner.import']): its leaders, and the admin for any school.
  { path: '/nhap-danh-sach', label: 'menu.rosterImport', roles: ['supervisor', 'principal', 'admin'] },
  // Requests from other schools to take a learner and their cases (POLICY['case.transfer']).
  { path: '/chuyen-truong', label: 'menu.transfers', roles: ['supervisor'] },
  // What the school asked others to take, and the trail it keeps of each case it handed on.
  { path: '/chuyen-truong/di', label: 'menu.outgoingTransfers', roles: ['supervisor'] },
  // The inspector checks the admin chain as the admin does: its verdict carries no school's content.
  { path: '/kiem-tra', label: 'menu.adminChain', roles: ['auditor', 'admin'] },
  { path: '/quan-tri/tai-khoan', label: 'menu.adminUsers', roles: ['admin'] },
  { path: '/quan-tri/truong', label: 'menu.adminSchools', roles: ['admin'] },
  { path: '/quan-tri/cap-quyen', label: 'menu.adminGrants', roles: ['admin'] },
  { path: '/quan-tri/danh-ba', label: 'menu.adminDirectory', roles: ['admin'] },
  { path: '/quan-tri/lich', label: 'menu.adminCalendar', roles: ['admin'] },
  // Personal-data breaches (POLICY['breach.read']): the admin records them, the principals and ward officers they
  // concern follow them.
  { path: '/su-co-du-lieu', label: 'menu.breaches', roles: ['admin', 'principal', 'ward_officer'] },
  // The record of processing (POLICY['privacy.record']): what the installation does with personal data.
  { path: '/nhat-ky-xu-ly-du-lieu', label: 'menu.processingRecord', roles: ['admin', 'principal'] },
];

export const menuOf = (user: SessionUser): MenuEntry[] =>
  MENU.filter((entry) => entry.roles.some((role) => user.roles.includes(role)));

// The entry a page belongs to: the longest entry path that starts the page's path (/ho-so/moi is "new case",
// /ho-so/<id> is "cases").
export const selectedEntry = (entries: MenuEntry[], pathname: string): string =>
  entries
    .map((e) => e.path)
    .filter((path) => pathname === path || pathname.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)[0] ?? '';
