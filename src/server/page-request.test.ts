// @vitest-environment node
// What an article page's request says about its reader, read the way the client writes it.
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { pageLanguage, pageSort, pageTheme } from './page-request';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;
const at = (search: string) => new URL(`http://x/articles/a${search}`);

describe('an article page’s request', () => {
  it('speaks the language of the cookie, else the first one of Accept-Language we speak, by quality, else French', () => {
    expect(pageLanguage(request({ cookie: 'a=1; reagir_lang=en', 'accept-language': 'fr' }))).toBe('en');
    expect(pageLanguage(request({ 'accept-language': 'de-DE,en-GB;q=0.8,fr;q=0.5' }))).toBe('en');
    expect(pageLanguage(request({ 'accept-language': 'en;q=0.3, fr-CA;q=0.9' }))).toBe('fr');
    expect(pageLanguage(request({ 'accept-language': 'en;q=0, de' }))).toBe('fr');
    expect(pageLanguage(request({ cookie: 'reagir_lang=xx' }))).toBe('fr');
    expect(pageLanguage(request({}))).toBe('fr');
  });

  it('takes the theme from its cookie, and nothing else', () => {
    expect(pageTheme(request({ cookie: 'reagir_theme=dark' }))).toBe('dark');
    expect(pageTheme(request({ cookie: 'reagir_theme=light' }))).toBe('light');
    expect(pageTheme(request({ cookie: 'reagir_theme="><script>' }))).toBe('auto');
    expect(pageTheme(request({}))).toBe('auto');
  });

  it('orders the comments by ?tri=, else the cookie, else newest first', () => {
    expect(pageSort(request({ cookie: 'reagir_tri=recommandes' }), at('?tri=anciens'))).toBe('oldest');
    expect(pageSort(request({ cookie: 'reagir_tri=recommandes' }), at(''))).toBe('recommended');
    expect(pageSort(request({ cookie: 'reagir_tri=nimporte' }), at('?tri=nimporte'))).toBe('newest');
  });
});
