import { useEffect, useId, useRef } from 'react';
import type { CommentSort } from '../../../../shared/contract';
import { PAGE_PARAMS } from '../../../../shared/page-address';
import { SORT_PARAMS, SORTS } from '../../../../shared/sort-params';
import { useHydrated } from '../../../lib/hydration';
import { useCatalogue } from '../../../lib/i18n/language';

const fromWord = (word: string) => SORTS.find((option) => SORT_PARAMS[option] === word);

/**
 * The order of the comments: a menu that applies the choice at once; without JavaScript (or
 * before it runs), a form that asks the server for the page in that order.
 */
export function SortControl({ sort, onChange }: { sort: CommentSort; onChange: (sort: CommentSort) => void }) {
  const t = useCatalogue();
  const id = useId();
  const hydrated = useHydrated();
  const select = useRef<HTMLSelectElement>(null);
  // An order chosen in the server's menu before the app ran, and not yet sent with its button:
  // applied now, as the menu shows it. (After any render of ours the menu shows `sort`: no-op.)
  useEffect(() => {
    const chosen = select.current ? fromWord(select.current.value) : undefined;
    if (chosen && chosen !== sort) onChange(chosen);
  }, [sort, onChange]);
  return (
    <form className="sort-control" method="get" onSubmit={(event) => event.preventDefault()}>
      <label htmlFor={id}>{t.comments.sortBy}</label>{' '}
      <select
        ref={select}
        id={id}
        name={PAGE_PARAMS.sort}
        value={SORT_PARAMS[sort]}
        onChange={(event) => onChange(fromWord(event.target.value) ?? sort)}
      >
        {SORTS.map((option) => (
          <option key={option} value={SORT_PARAMS[option]}>
            {t.comments.sorts[option]}
          </option>
        ))}
      </select>
      {!hydrated && (
        <>
          {' '}
          <button type="submit" className="button">
            {t.comments.applySort}
          </button>
        </>
      )}
    </form>
  );
}
