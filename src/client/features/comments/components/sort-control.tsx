import { useId } from 'react';
import type { CommentSort } from '../../../../shared/contract';
import { PAGE_PARAMS } from '../../../../shared/page-address';
import { SORT_PARAMS, SORTS } from '../../../../shared/sort-params';
import { useHydrated } from '../../../lib/hydration';
import { useCatalogue } from '../../../lib/i18n/language';

/**
 * The order of the comments: a menu that applies the choice at once; without JavaScript (or
 * before it runs), a form that asks the server for the page in that order.
 */
export function SortControl({ sort, onChange }: { sort: CommentSort; onChange: (sort: CommentSort) => void }) {
  const t = useCatalogue();
  const id = useId();
  const hydrated = useHydrated();
  return (
    <form className="sort-control" method="get" onSubmit={(event) => event.preventDefault()}>
      <label htmlFor={id}>{t.comments.sortBy}</label>{' '}
      <select
        id={id}
        name={PAGE_PARAMS.sort}
        value={SORT_PARAMS[sort]}
        onChange={(event) => onChange(SORTS.find((option) => SORT_PARAMS[option] === event.target.value) ?? sort)}
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
