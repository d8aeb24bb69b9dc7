// The cookies holding a reader's choices that change a page's HTML: the client writes them, the
// server renders by them (src/server/page-request.ts). None of them identifies the reader.
export const LANGUAGE_COOKIE = 'reagir_lang';
export const THEME_COOKIE = 'reagir_theme';
/** The order of the comments, in the address's words (sort-params.ts). */
export const SORT_COOKIE = 'reagir_tri';
export const READER_COOKIES = [LANGUAGE_COOKIE, THEME_COOKIE, SORT_COOKIE] as const;
/** Where the browser remembered the order before the cookie (read once, then moved to it). */
export const SORT_STORAGE_KEY = 'reagir:comment-sort';
