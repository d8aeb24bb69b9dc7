// Content negotiation and compression, for static files and API answers alike. Static files are
// compressed once, as a build step would, at brotli's best; API answers change with every post,
// so they get the quicker settings servers use for dynamic content.
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';
export type Effort = 'static' | 'dynamic';

/** The types worth compressing: text, JSON, SVG. Images and fonts are compressed already. */
export const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json|javascript)|image\/svg\+xml)/;
// Below this, compressing saves less than the headers it adds.
export const MIN_COMPRESSED_BYTES = 1024;

// Past a megabyte brotli's best takes seconds per megabyte for a few percent.
const STRONGEST_BROTLI_UP_TO_BYTES = 1024 * 1024;
const DYNAMIC_BROTLI_QUALITY = 5;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

function brotliQuality(body: Buffer, effort: Effort): number {
  if (effort === 'dynamic') return DYNAMIC_BROTLI_QUALITY;
  return body.length <= STRONGEST_BROTLI_UP_TO_BYTES ? zlibConstants.BROTLI_MAX_QUALITY : 9;
}

export function compress(body: Buffer, encoding: Encoding, effort: Effort): Promise<Buffer> {
  if (encoding === 'gzip') return gzipAsync(body, { level: effort === 'static' ? 9 : 6 });
  return brotli(body, {
    params: {
      [zlibConstants.BROTLI_PARAM_QUALITY]: brotliQuality(body, effort),
      [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

/** br when the client takes it, else gzip, else nothing; an encoding with q=0 is refused. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim());
    const quality = params.find((param) => param.startsWith('q='));
    if (!quality || Number(quality.slice(2)) > 0) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}
