/**
 * Routes of the web application (served under `/app/`). Signed-out callers see the sign-in page
 * whatever the address; signed-in callers land on the first page their role allows.
 *
 * @module
 */
import { useEffect } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';

import { useSession } from './auth/session.js';
import { Loading } from './components/feedback.js';
import { Shell, useNavItems } from './components/shell.js';
import { useI18n } from './i18n/i18n.js';
import { AdminPage } from './pages/admin-page.js';
import { AlertPage } from './pages/alert-page.js';
import { AlertsPage } from './pages/alerts-page.js';
import { AuditPage } from './pages/audit-page.js';
import { BatchPage } from './pages/batch-page.js';
import { DiffPage } from './pages/diff-page.js';
import { EntryMarkingPage } from './pages/entry-marking-page.js';
import { EntryPage } from './pages/entry-page.js';
import { ListsPage } from './pages/lists-page.js';
import { LoginPage } from './pages/login-page.js';
import { PasswordPage } from './pages/password-page.js';
import { PortfoliosPage } from './pages/portfolios-page.js';
import { ScreeningPage } from './pages/screening-page.js';

/** The application. */
export function App() {
  const { actor } = useSession();
  if (actor === undefined) {
    return <Loading />;
  }
  if (actor === null) {
    return <LoginPage />;
  }
  return (
    <Shell>
      <FocusOnNavigate />
      <Routes>
        <Route path="/" element={<Home />} />
        <Route path="/screening" element={<ScreeningPage />} />
        <Route path="/batch" element={<BatchPage />} />
        <Route path="/lists" element={<ListsPage />} />
        <Route path="/lists/diff" element={<DiffPage />} />
        <Route path="/lists/entries/:entryId" element={<EntryPage />} />
        <Route path="/lists/entries/:entryId/marking" element={<EntryMarkingPage />} />
        <Route path="/portfolios" element={<PortfoliosPage />} />
        <Route path="/alerts" element={<AlertsPage />} />
        <Route path="/alerts/:id" element={<AlertPage />} />
        <Route path="/admin" element={<AdminPage />} />
        <Route path="/audit" element={<AuditPage />} />
        <Route path="/password" element={<PasswordPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Shell>
  );
}

function Home() {
  const first = useNavItems()[0];
  const { t } = useI18n();
  return first === undefined ? <p>{t('home.nothing')}</p> : <Navigate to={first.to} replace />;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
    </>
  );
}

/** Moves focus to the page after navigation, so screen readers announce the new page. */
function FocusOnNavigate() {
  const { pathname } = useLocation();
  useEffect(() => {
    document.getElementById('main')?.focus();
  }, [pathname]);
  return null;
}
