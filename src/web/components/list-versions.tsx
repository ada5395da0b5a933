/**
 * The list publications a screening ran against, for the record.
 *
 * @module
 */
import type { ListVersion } from '../http/types.js';
import { useI18n } from '../i18n/i18n.js';

/** "Screened against: ofac-sdn (1 May 2024), un (…)". */
export function ListVersions({ lists }: { readonly lists: readonly ListVersion[] }) {
  const { t, date } = useI18n();
  if (lists.length === 0) {
    return <p className="muted">{t('screening.noLists')}</p>;
  }
  const text = lists.map((list) => `${list.source} (${date(list.publishedAt)})`).join(', ');
  return <p className="muted">{t('screening.screenedAgainst', { lists: text })}</p>;
}
