import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { WordListsBody } from '../../../../shared/moderation-contract';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useCatalogue } from '../../../lib/i18n/language';
import { useModerationCatalogue } from '../../../lib/i18n/moderation-catalogue';
import { QueryFailure } from '../../../lib/query-failure';
import { isSessionLost } from '../api/session';
import { useSaveWordLists, wordListsQueryOptions } from '../api/word-lists';

type ListName = keyof WordListsBody;
const LISTS: readonly ListName[] = ['banned', 'suspect'];

/** One entry per line, as typed: blank lines and the spaces around an entry do not count. */
const entriesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** The "Mots" tab: the banned and the suspect word lists, one entry per line. */
export function WordListsPanel({ labelledBy, panelId }: { labelledBy: string; panelId: string }) {
  const words = useModerationCatalogue();
  const lists = useQuery(wordListsQueryOptions());
  return (
    <div role="tabpanel" id={panelId} aria-labelledby={labelledBy} aria-busy={lists.isPending || undefined}>
      {lists.isPending && <p className="loading">{words.words.loading}</p>}
      {lists.isError && !isSessionLost(lists.error) && (
        <QueryFailure message={words.words.loadFailed} onRetry={() => void lists.refetch()} />
      )}
      {/* Filled once from the server: what the moderator types is theirs until they save. */}
      {lists.data && <WordListsForm saved={lists.data} />}
    </div>
  );
}

function WordListsForm({ saved }: { saved: WordListsBody }) {
  const t = useCatalogue();
  const words = useModerationCatalogue();
  const id = useId();
  const save = useSaveWordLists();
  const [texts, setTexts] = useState<Record<ListName, string>>({ banned: saved.banned.join('\n'), suspect: saved.suspect.join('\n') });
  const [announcement, setAnnouncement] = useState('');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    setAnnouncement('');
    // The server holds the limits (MAX_LISTED_WORDS entries of MAX_WORD_LENGTH): over them, it says so.
    save.mutate({ banned: entriesOf(texts.banned), suspect: entriesOf(texts.suspect) }, {
      onSuccess: (normalised) => {
        // What the server keeps (each entry normalised, duplicates gone) is what the lists now say.
        setTexts({ banned: normalised.banned.join('\n'), suspect: normalised.suspect.join('\n') });
        setAnnouncement(words.words.saved);
      },
    });
  }

  const helpId = `${id}-help`;
  return (
    <form className="word-lists" aria-labelledby={`${id}-heading`} noValidate onSubmit={onSubmit}>
      <h2 id={`${id}-heading`}>{words.words.heading}</h2>
      <p id={helpId}>{words.words.help}</p>
      <p role="status" className="moderation__status">
        {announcement}
      </p>
      {save.isError && !isSessionLost(save.error) && (
        <p role="alert" className="moderation__error">
          {errorMessage(t, save.error, words.words.failed)}
        </p>
      )}
      {LISTS.map((list) => {
        const fieldId = `${id}-${list}`;
        return (
          <div key={list} className="form-field">
            <label htmlFor={fieldId}>{words.words[list]}</label>
            <p id={`${fieldId}-help`} className="form-field__help">
              {list === 'banned' ? words.words.bannedHelp : words.words.suspectHelp}
            </p>
            <textarea
              id={fieldId}
              rows={8}
              value={texts[list]}
              spellCheck={false}
              aria-describedby={`${fieldId}-help ${helpId}`}
              onChange={(event) => {
                const text = event.target.value;
                setTexts((previous) => ({ ...previous, [list]: text }));
              }}
            />
          </div>
        );
      })}
      <button type="submit" className="button button--primary" aria-disabled={save.isPending || undefined}>
        {save.isPending ? words.words.saving : words.words.save}
      </button>
    </form>
  );
}
