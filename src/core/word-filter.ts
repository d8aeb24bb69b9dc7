// Finds the words of a moderators' word list in a comment: to refuse a comment holding a banned
// word, and to highlight suspect words for the moderators.
//
// What it guarantees. A listed word is found whatever its case and accents, in Unicode
// compatibility forms (fullwidth letters, ligatures, mathematical letters), written with look-alike
// digits, symbols, Cyrillic or Greek letters ("c0nn@rd", "соnnаrd"), with invisible characters
// inside it (zero-width characters, soft hyphens, combining marks), with its letters spaced out or
// separated by punctuation ("c o n", "c.o.n", "c-o-n"), or with letters repeated ("connnnard").
// Entries match whole words only ("con" finds neither "conseil" nor "scone"); an entry ending in
// "*" matches any word it begins ("idiot*": "idiots", "idiotie"); a plain entry also matches its
// French plural and feminine forms (a final s, x, e or es); an entry of several words matches
// those words in a row. Each match is the UTF-16 range of the original characters it covers, for
// the moderation tool to wrap in <mark>. Matches are sorted and never overlap (leftmost, then
// longest). The cost grows with the text's length, hardly with the list's: compileWordList makes
// the list a trie once (a few milliseconds for 1,000 entries), to be kept while the list stands.
//
// What it does not do. A word split into two real words by a space or a punctuation mark
// ("con nard", "con.nard") is not found, nor spaced-out letters next to a one-letter word: a run
// of single letters is read as one word ("y a c o n" is "yacon", and "P.D.G." is not "pd").
// Letters are compared by shape only where a table below says so. Repeated letters are collapsed
// on both sides, so "connard" also finds "conard"; accents are ignored, so "con" with its
// feminine form also finds "cône". No list survives every spelling a determined writer invents:
// this catches the usual tricks, the moderators catch the rest.

/** A listed word found in a text: `start`/`end` index the original text (UTF-16, end excluded). */
export interface WordMatch {
  start: number;
  end: number;
  /** The list entry matched, as normaliseWordList stores it. */
  word: string;
}

/** A word list compiled once, to be searched in many texts. */
export interface WordMatcher {
  /** The entries kept (normaliseWordList), in the list's order. */
  readonly entries: readonly string[];
  readonly root: TrieNode;
}

// ---------------------------------------------------------------------------------------------
// Characters: what each one stands for.

/** A letter as the matcher compares it: every lower-case letter it may stand for. */
interface Letter {
  /** The first is what the character stands for in a list entry; a text may mean any of them. */
  candidates: readonly string[];
  /** Written with a symbol ("@", "$", "!"): a letter inside a word, punctuation at its edges. */
  symbol: boolean;
}

/**
 * Characters written for the letters they look like. Checked before lower-casing (upper-case
 * "I" looks like "l", Greek "Η" like "h" though its lower case "η" looks like "n"), then after.
 * "1", "I" and "|" are ambiguous: a text may mean either letter, so both are tried.
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  // Digits and symbols.
  '0': 'o', '1': 'il', '3': 'e', '4': 'a', '5': 's', '7': 't',
  '@': 'a', '$': 's', '€': 'e', '!': 'i', '|': 'li',
  // Upper-case letters whose shape is another letter's.
  I: 'il', Ι: 'il', Η: 'h', Ν: 'n', Μ: 'm', Ζ: 'z', Υ: 'y',
  // Latin letters that NFKD leaves alone.
  ı: 'i', ł: 'l', ø: 'o', đ: 'd', ð: 'd', ħ: 'h', ŧ: 't', ƀ: 'b', ɨ: 'i',
  // Cyrillic.
  а: 'a', в: 'b', г: 'r', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', п: 'n', р: 'p', с: 'c', т: 't',
  у: 'y', х: 'x', ь: 'b', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', һ: 'h', ӏ: 'l', ԛ: 'q', ԝ: 'w', ү: 'y',
  // Greek.
  α: 'a', β: 'b', γ: 'y', ε: 'e', η: 'n', ι: 'i', κ: 'k', μ: 'u', ν: 'v', ο: 'o', ρ: 'p', τ: 't',
  υ: 'u', χ: 'x', ϲ: 'c', ω: 'w',
};

/** Letters that stand for two. */
const EXPANSIONS: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss' };

/**
 * Characters that show nothing, or nothing of their own: format characters (zero-width space,
 * joiners, word joiner, soft hyphen, byte order mark, direction marks), combining marks, and the
 * Hangul fillers that render as blanks. Inside a word they are skipped, not read as a space.
 */
const INVISIBLE = /^[\p{Cf}\p{M}\u115F\u1160\u3164\uFFA0]$/u;
const MARK = /^\p{M}$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

function lookAlike(char: string): Letter | undefined {
  const candidates = LOOK_ALIKES[char];
  return candidates === undefined ? undefined : { candidates: [...candidates], symbol: !LETTER_OR_DIGIT.test(char) };
}

/** The letters one lower-cased, accent-free character stands for: none if it is no letter. */
function lettersOfSimpleChar(char: string): Letter[] {
  const known = lookAlike(char);
  if (known) return [known];
  const expansion = EXPANSIONS[char];
  if (expansion !== undefined) return [...expansion].map((letter) => ({ candidates: [letter], symbol: false }));
  return LETTER_OR_DIGIT.test(char) ? [{ candidates: [char], symbol: false }] : [];
}

/** The letters a character of the text stands for: none for a space or punctuation. */
function lettersOf(char: string): Letter[] {
  const letters: Letter[] = [];
  // NFKD splits accents from their letters and compatibility forms into plain ones ("ﬁ": "fi").
  for (const part of char.normalize('NFKD')) {
    if (MARK.test(part)) continue;
    const known = lookAlike(part);
    if (known) {
      letters.push(known);
      continue;
    }
    for (const lower of part.toLowerCase()) {
      if (!MARK.test(lower)) letters.push(...lettersOfSimpleChar(lower));
    }
  }
  return letters;
}

/** ASCII is most of any text: its characters are read once, here. */
const ASCII_LETTERS: readonly Letter[][] = Array.from({ length: 128 }, (_, code) => lettersOf(String.fromCharCode(code)));

/** The letters of a character of the text, or undefined for an invisible one. */
function readChar(char: string): Letter[] | undefined {
  const ascii = ASCII_LETTERS[char.charCodeAt(0)];
  if (ascii && char.length === 1) return ascii;
  return INVISIBLE.test(char) ? undefined : lettersOf(char);
}

// ---------------------------------------------------------------------------------------------
// Texts: words of letters, each letter with the range of the characters it came from.

interface Unit extends Letter {
  start: number;
  end: number;
}

/** A word of the text: letters with nothing visible but letters between them. */
type Word = Unit[];

/**
 * Single letters this close to each other are one word spelled out ("c o n", "c. o. n", "c-o-n").
 * Three characters allow a letter between spaces (" - ") and no more.
 */
const MAX_SPACING = 3;

/** Cuts the text into words: runs of letters, invisible characters inside them skipped. */
function readWords(text: string): Word[] {
  const words: Word[] = [];
  let word: Word = [];
  let index = 0;
  for (const char of text) {
    const start = index;
    index += char.length;
    const letters = readChar(char);
    if (!letters) {
      // A combining mark belongs to its letter: a range that ends mid-character would cut it.
      const last = word.at(-1);
      if (last && MARK.test(char) && last.end === start) last.end = index;
      continue;
    }
    if (letters.length === 0) {
      if (word.length > 0) words.push(word);
      word = [];
      continue;
    }
    for (const letter of letters) word.push({ candidates: letter.candidates, symbol: letter.symbol, start, end: index });
  }
  if (word.length > 0) words.push(word);
  return joinSpacedLetters(words);
}

/** Runs of one-letter words close together become one word: "c o n" is "con". */
function joinSpacedLetters(words: readonly Word[]): Word[] {
  const joined: Word[] = [];
  let previous: Word | undefined;
  for (const word of words) {
    const last = joined.at(-1);
    if (last && previous && isSpacedLetter(previous, word)) last.push(...word);
    else joined.push([...word]);
    previous = word;
  }
  return joined;
}

function isSpacedLetter(previous: Word, word: Word): boolean {
  const before = previous[0];
  const letter = word[0];
  return (
    previous.length === 1 && word.length === 1 && before !== undefined && letter !== undefined && letter.start - before.end <= MAX_SPACING
  );
}

/** A letter of the text and where a match may begin or end around it. */
interface Position {
  unit: Unit;
  /** First letter of its word: only the gap between two entry words may be crossed here. */
  wordStart: boolean;
  canStart: boolean;
  canEnd: boolean;
  /** Index of the last letter of its word that is no symbol: where a prefix match ends. */
  wordEnd: number;
}

/**
 * The text's letters in order. A match begins at a word's first letter and ends at its last,
 * or short of symbols at its edges: "connard!" is "connard" then "!", "$alope" may be "salope".
 */
function readPositions(text: string): Position[] {
  const positions: Position[] = [];
  for (const word of readWords(text)) {
    const offset = positions.length;
    const firstLetter = word.findIndex((unit) => !unit.symbol);
    const lastLetter = word.findLastIndex((unit) => !unit.symbol);
    const wordEnd = offset + (lastLetter === -1 ? word.length - 1 : lastLetter);
    word.forEach((unit, i) => {
      positions.push({
        unit,
        wordStart: i === 0,
        canStart: i === 0 || i === firstLetter,
        canEnd: i === word.length - 1 || i === lastLetter,
        wordEnd,
      });
    });
  }
  return positions;
}

// ---------------------------------------------------------------------------------------------
// Entries: a trie of their letters, repeated letters collapsed.

interface Entry {
  word: string;
  /** Its place in the list: of two entries matching the same letters, the first wins. */
  rank: number;
}

/** A node of the compiled list; the root's letter is empty. */
export interface TrieNode {
  /** The letter that leads here; the text may repeat it. */
  readonly letter: string;
  /** The next letter of the same entry word. */
  readonly sameWord: Map<string, TrieNode>;
  /** The first letter of the entry's next word ("va te faire"); few entries have one. */
  nextWord?: Map<string, TrieNode>;
  /** An entry whose letters end here, to be matched as a whole word. */
  whole?: Entry;
  /** An entry ending in "*" whose letters end here: the rest of the text's word is free. */
  prefix?: Entry;
}

/** An entry read once: its words as letters (repeats collapsed), and whether it ends in "*". */
interface ParsedEntry {
  text: string;
  words: string[][];
  prefix: boolean;
  /** Equal for entries that match the same texts. */
  key: string;
}

/** The French plural and feminine endings a plain entry also matches. */
const INFLECTIONS = ['s', 'x', 'e', 'es'];

function newNode(letter: string): TrieNode {
  return { letter, sameWord: new Map() };
}

/** Runs of one letter become one: "connard" and "conard", "connnard" meet. */
function collapseRepeats(letters: readonly string[]): string[] {
  return letters.filter((letter, i) => letter !== letters[i - 1]);
}

function parseEntry(raw: string): ParsedEntry | undefined {
  const text = raw.trim().replace(/\s+/gu, ' ');
  const prefix = /\*\s*$/u.test(text);
  const body = text.replace(/[\s*]+$/u, '');
  // A lone symbol in an entry ("connard !") is punctuation, as at a word's edge in a text.
  const words = readWords(body)
    .filter((word) => word.some((unit) => !unit.symbol))
    .map((word) => collapseRepeats(word.map((unit) => unit.candidates[0] ?? '')));
  if (words.length === 0) return undefined;
  const key = `${prefix ? '*' : ''}${words.map((word) => word.join('')).join(' ')}`;
  return { text, words, prefix, key };
}

/** The entries as the API stores them: trimmed, empties and duplicates dropped, in order. */
export function normaliseWordList(words: readonly string[]): string[] {
  return parseWordList(words).map((entry) => entry.text);
}

function parseWordList(words: readonly string[]): ParsedEntry[] {
  const seen = new Set<string>();
  const entries: ParsedEntry[] = [];
  for (const raw of words) {
    const entry = parseEntry(raw);
    if (!entry || seen.has(entry.key)) continue;
    seen.add(entry.key);
    entries.push(entry);
  }
  return entries;
}

/** The letter sequences a plain entry matches: itself, then with each inflection. */
function inflectedForms(words: readonly string[][]): (readonly string[][])[] {
  const head = words.slice(0, -1);
  const last = words.at(-1) ?? [];
  return [words, ...INFLECTIONS.map((ending) => [...head, collapseRepeats([...last, ...ending])])];
}

function insert(root: TrieNode, words: readonly string[][], entry: Entry, kind: 'whole' | 'prefix'): void {
  let node = root;
  words.forEach((word, w) => {
    word.forEach((letter, l) => {
      const edges = w > 0 && l === 0 ? (node.nextWord ??= new Map()) : node.sameWord;
      let child = edges.get(letter);
      if (!child) {
        child = newNode(letter);
        edges.set(letter, child);
      }
      node = child;
    });
  });
  // Entries are inserted in the list's order: the first to claim a node keeps it.
  node[kind] ??= entry;
}

export function compileWordList(words: readonly string[]): WordMatcher {
  const root = newNode('');
  const parsed = parseWordList(words);
  parsed.forEach((entry, rank) => {
    const target = { word: entry.text, rank };
    if (entry.prefix) insert(root, entry.words, target, 'prefix');
    else for (const form of inflectedForms(entry.words)) insert(root, form, target, 'whole');
  });
  return { entries: parsed.map((entry) => entry.text), root };
}

// ---------------------------------------------------------------------------------------------
// Matching: walk the trie along the text from each place a word begins.

interface Found {
  /** Index in the positions of the match's last letter. */
  last: number;
  entry: Entry;
}

/** The trie nodes reached by reading one more letter of the text. */
function advance(nodes: ReadonlySet<TrieNode>, position: Position): Set<TrieNode> {
  const next = new Set<TrieNode>();
  for (const node of nodes) {
    for (const letter of position.unit.candidates) {
      if (!position.wordStart) {
        // The same letter again, or the next one, inside one word of the text.
        if (letter === node.letter) next.add(node);
        const child = node.sameWord.get(letter);
        if (child) next.add(child);
      }
      // Between an entry's words the text may have a space, punctuation or nothing at all.
      const nextWord = node.nextWord?.get(letter);
      if (nextWord) next.add(nextWord);
    }
  }
  return next;
}

function better(candidate: Found, best: Found | undefined): boolean {
  if (!best) return true;
  return candidate.last > best.last || (candidate.last === best.last && candidate.entry.rank < best.entry.rank);
}

/** The longest match beginning at `first`, if any. */
function longestMatchFrom(positions: readonly Position[], first: number, root: TrieNode): Found | undefined {
  let best: Found | undefined;
  let nodes: ReadonlySet<TrieNode> = new Set([root]);
  for (let i = first; i < positions.length; i++) {
    const position = positions[i] as Position;
    // The first letter starts the entry, even where it starts a word of the text.
    nodes = advance(nodes, i === first ? { ...position, wordStart: false } : position);
    if (nodes.size === 0) break;
    for (const node of nodes) {
      if (node.whole && position.canEnd && better({ last: i, entry: node.whole }, best)) best = { last: i, entry: node.whole };
      if (node.prefix) {
        const found = { last: Math.max(i, position.wordEnd), entry: node.prefix };
        if (better(found, best)) best = found;
      }
    }
  }
  return best;
}

export function findListedWords(text: string, matcher: WordMatcher): WordMatch[] {
  const matches: WordMatch[] = [];
  if (matcher.entries.length === 0) return matches;
  const positions = readPositions(text);
  let freeFrom = 0;
  for (let i = 0; i < positions.length; i++) {
    const position = positions[i] as Position;
    if (!position.canStart || position.unit.start < freeFrom) continue;
    const found = longestMatchFrom(positions, i, matcher.root);
    if (!found) continue;
    const end = (positions[found.last] as Position).unit.end;
    matches.push({ start: position.unit.start, end, word: found.entry.word });
    freeFrom = end;
    i = found.last;
  }
  return matches;
}
