import { useId } from 'react';
import { COMMENT_SORTS, type CommentSort } from '../../../api/contract';
import { SORT_LABELS } from '../lib/use-comment-sort';

export function SortControl({ sort, onChange }: { sort: CommentSort; onChange: (sort: CommentSort) => void }) {
  const id = useId();
  return (
    <p className="sort-control">
      <label htmlFor={id}>Trier les commentaires</label>{' '}
      <select id={id} value={sort} onChange={(event) => onChange(event.target.value as CommentSort)}>
        {COMMENT_SORTS.map((option) => (
          <option key={option} value={option}>
            {SORT_LABELS[option]}
          </option>
        ))}
      </select>
    </p>
  );
}
