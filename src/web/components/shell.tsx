/**
 * The frame of every signed-in page: skip link, header with the navigation the caller's
 * permissions allow, the language switch and sign-out, then the page in `<main>`.
 *
 * @module
 */
import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';

import { useSession } from '../auth/session.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages-en.js';
import { LanguageSwitch } from './language-switch.js';

/** One navigation item and the permissions, any of which shows it. */
export interface NavItem {
  readonly to: string;
  readonly label: MessageKey;
  readonly anyOf: readonly string[];
}

/** The navigation, in order. Pages check again; the server checks every call. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/screening', label: 'nav.screening', anyOf: ['screening.run'] },
  { to: '/batch', label: 'nav.batch', anyOf: ['screening.run'] },
  { to: '/lists', label: 'nav.lists', anyOf: ['list.read'] },
  { to: '/portfolios', label: 'nav.portfolios', anyOf: ['portfolio.read'] },
  { to: '/alerts', label: 'nav.alerts', anyOf: ['alert.read'] },
  {
    to: '/admin',
    label: 'nav.admin',
    anyOf: ['organization.manage', 'user.manage', 'api-key.manage'],
  },
  { to: '/audit', label: 'nav.audit', anyOf: ['audit.read', 'audit.verify'] },
];

/** The items the caller may see. */
export function useNavItems(): readonly NavItem[] {
  const { can } = useSession();
  return NAV_ITEMS.filter((item) => item.anyOf.some(can));
}

/** The signed-in frame. */
export function Shell({ children }: { readonly children: ReactNode }) {
  const { t } = useI18n();
  const { actor, signOut, mustChangePassword } = useSession();
  const items = useNavItems();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="top">
        <span className="brand">Puente</span>
        <nav aria-label={t('nav.label')}>
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to}>{t(item.label)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span>{t('nav.signedInAs', { name: actor?.name ?? '' })}</span>
          <Link to="/password" className="header-link">
            {t('nav.password')}
          </Link>
          <LanguageSwitch />
          <button type="button" onClick={() => void signOut()}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {mustChangePassword ? (
          <p role="alert" className="error">
            {t('password.required')} <Link to="/password">{t('nav.password')}</Link>
          </p>
        ) : null}
        {children}
      </main>
    </>
  );
}
