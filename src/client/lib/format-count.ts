const frenchNumber = new Intl.NumberFormat('fr-FR');

/** "20 000" with an ordinary no-break space (fr-FR formats with a narrow one, U+202F). */
export function formatCount(count: number): string {
  return frenchNumber.format(count).replace(/\u202f/g, '\u00a0');
}
