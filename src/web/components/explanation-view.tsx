/**
 * A match's explanation drawn for a reviewer: which query word matched which list word and how
 * (method, similarity, weight in the score), which words found no partner on either side, and
 * how date of birth, country, document and type moved the score.
 *
 * @module
 */
import type { MatchExplanation } from '../http/types.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages-en.js';

const METHOD_KEYS: Readonly<Record<string, MessageKey>> = {
  exact: 'method.exact',
  phonetic: 'method.phonetic',
  'edit-distance': 'method.edit-distance',
  transliteration: 'method.transliteration',
  initial: 'method.initial',
  'legal-form': 'method.legal-form',
  joined: 'method.joined',
};

const FACT_KEYS: Readonly<Record<string, MessageKey>> = {
  dob: 'fact.dob',
  country: 'fact.country',
  document: 'fact.document',
  'entity-type': 'fact.entity-type',
};

const OUTCOME_KEYS: Readonly<Record<string, MessageKey>> = {
  match: 'outcome.match',
  exact: 'outcome.match',
  close: 'outcome.close',
  conflict: 'outcome.conflict',
  absent: 'outcome.absent',
};

/** The explanation of one match. `id` prefixes element ids so several can share a page. */
export function ExplanationView({
  explanation,
  id,
}: {
  readonly explanation: MatchExplanation;
  readonly id: string;
}) {
  const { t, percent, number } = useI18n();
  const signed = (value: number) => `${value > 0 ? '+' : ''}${number(value, 2)}`;
  return (
    <div className="explanation">
      <p className="muted">
        {t('explain.nameScore', { score: percent(explanation.nameScore) })} ·{' '}
        {t('explain.queryCoverage', { value: percent(explanation.queryCoverage) })} ·{' '}
        {t('explain.listCoverage', { value: percent(explanation.listCoverage) })}
        {explanation.listNameOrder === 'surname-first' ? ` · ${t('explain.surnameFirst')}` : ''}
      </p>
      <table className="token-table">
        <caption id={`${id}-tokens`}>{t('explain.tokensCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('explain.queryWord')}</th>
            <th scope="col">{t('explain.how')}</th>
            <th scope="col">{t('explain.listWord')}</th>
            <th scope="col">{t('explain.similarity')}</th>
            <th scope="col">{t('explain.weight')}</th>
          </tr>
        </thead>
        <tbody>
          {explanation.tokens.map((pair, index) => (
            <tr key={index} className={`method-${pair.method}`}>
              <td>
                <span className="token">{pair.query}</span>
              </td>
              <td>
                <span className="method-badge">
                  {t(METHOD_KEYS[pair.method] ?? 'method.other')}
                </span>
              </td>
              <td>
                <span className="token">{pair.list}</span>
              </td>
              <td>
                <Bar value={pair.similarity} label={percent(pair.similarity)} />
              </td>
              <td>
                <Bar value={pair.weight} label={percent(pair.weight)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {explanation.tokens.length === 0 ? <p>{t('explain.noCommonWords')}</p> : null}
      <Unmatched label={t('explain.unmatchedQuery')} words={explanation.unmatchedQuery} />
      <Unmatched label={t('explain.unmatchedList')} words={explanation.unmatchedList} />
      {explanation.facts.length > 0 ? (
        <ul className="facts" aria-label={t('explain.factsLabel')}>
          {explanation.facts.map((fact) => (
            <li key={fact.fact} className={`outcome-${fact.outcome}`}>
              <strong>{t(FACT_KEYS[fact.fact] ?? 'fact.other')}</strong>:{' '}
              {t(OUTCOME_KEYS[fact.outcome] ?? 'outcome.other')}
              {fact.effect === 0 ? null : ` (${signed(fact.effect)})`}
            </li>
          ))}
        </ul>
      ) : null}
      {explanation.decisive === 'document' ? (
        <p className="decisive">{t('explain.decisiveDocument')}</p>
      ) : null}
    </div>
  );
}

function Bar({ value, label }: { readonly value: number; readonly label: string }) {
  const width = `${Math.round(Math.max(0, Math.min(1, value)) * 100)}%`;
  return (
    <span className="bar">
      <span className="bar-track" aria-hidden="true">
        <span className="bar-fill" style={{ width }} />
      </span>
      <span className="bar-label">{label}</span>
    </span>
  );
}

function Unmatched({
  label,
  words,
}: {
  readonly label: string;
  readonly words: readonly string[];
}) {
  if (words.length === 0) {
    return null;
  }
  return (
    <p className="unmatched">
      {label}{' '}
      {words.map((word) => (
        <span key={word} className="token token-unmatched">
          {word}
        </span>
      ))}
    </p>
  );
}
