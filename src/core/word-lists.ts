// The moderators' word lists at work: a banned word refuses a comment at posting; a suspect
// word lets it through to the queue, where the moderator sees it highlighted. The lists are
// read from the store on each use (another process may have changed them) and compiled once per
// content, not once per comment.
import type { WordListsBody } from '../shared/moderation-contract';
import type { AccessStore, WordLists } from './access-store';
import { Problem } from './problem';
import { compileWordList, findListedWords, normaliseWordList, type WordMatcher } from './word-filter';

let compiled: { key: string; banned: WordMatcher; suspect: WordMatcher } | null = null;

function matchersOf(lists: WordLists) {
  const key = JSON.stringify(lists);
  if (compiled?.key !== key) compiled = { key, banned: compileWordList(lists.banned), suspect: compileWordList(lists.suspect) };
  return compiled;
}

export async function readWordLists(access: AccessStore): Promise<WordListsBody> {
  const lists = await access.wordLists();
  return { banned: [...lists.banned], suspect: [...lists.suspect] };
}

export async function replaceWordLists(access: AccessStore, lists: WordListsBody): Promise<WordListsBody> {
  const normalised = { banned: normaliseWordList(lists.banned), suspect: normaliseWordList(lists.suspect) };
  await access.setWordLists(normalised);
  return normalised;
}

/** Refuses a text holding a banned word; the message names the problem, never the list. */
export async function refuseBannedWords(access: AccessStore, body: string): Promise<void> {
  const { banned } = matchersOf(await access.wordLists());
  if (findListedWords(body, banned).length > 0) throw new Problem('banned_words');
}

/** Where the suspect words are in each text, for the moderation queue. */
export async function suspectWordsIn(access: AccessStore, bodies: readonly string[]): Promise<Array<Array<{ start: number; end: number }>>> {
  const { suspect } = matchersOf(await access.wordLists());
  return bodies.map((body) => findListedWords(body, suspect).map(({ start, end }) => ({ start, end })));
}
