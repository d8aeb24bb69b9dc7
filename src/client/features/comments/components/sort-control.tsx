import { useId } from 'react';
import type { CommentSort } from '../../../../shared/contract';
import { SORTS } from '../../../../shared/sort-params';
import { useCatalogue } from '../../../lib/i18n/language';

export function SortControl({ sort, onChange }: { sort: CommentSort; onChange: (sort: CommentSort) => void }) {
  const t = useCatalogue();
  const id = useId();
  return (
    <p className="sort-control">
      <label htmlFor={id}>{t.comments.sortBy}</label>{' '}
      <select id={id} value={sort} onChange={(event) => onChange(event.target.value as CommentSort)}>
        {SORTS.map((option) => (
          <option key={option} value={option}>
            {t.comments.sorts[option]}
          </option>
        ))}
      </select>
    </p>
  );
}
