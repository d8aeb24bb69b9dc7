// What every route needs to read a request and write an answer: JSON out (never cached), the
// contract's error shape, and JSON in, with a size limit and a schema.
import * as v from 'valibot';
import { MAX_REQUEST_BYTES, type ApiErrorBody } from '../shared/contract';
import { REQUEST_ERRORS, type WireError } from './messages-fr';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: JSON_HEADERS });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
}

export function errorResponse(error: WireError, fields?: Record<string, string>): Response {
  const body: ApiErrorBody = { error: fields ? { code: error.code, message: error.message, fields } : { code: error.code, message: error.message } };
  return json(body, error.status);
}

/** A refusal that ends the request early, thrown from the reading helpers below. */
export class Refusal extends Error {
  constructor(readonly response: Response) {
    super('refused');
  }
}

async function readJsonBody(request: Request, { emptyAs }: { emptyAs?: unknown } = {}): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_REQUEST_BYTES) throw new Refusal(errorResponse(REQUEST_ERRORS.tooLarge));
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.length > MAX_REQUEST_BYTES) throw new Refusal(errorResponse(REQUEST_ERRORS.tooLarge));
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '' && emptyAs !== undefined) return emptyAs;
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new Refusal(errorResponse(REQUEST_ERRORS.notJson));
  try {
    return JSON.parse(text);
  } catch {
    throw new Refusal(errorResponse(REQUEST_ERRORS.invalidJson));
  }
}

export async function parseBody<TSchema extends v.GenericSchema>(
  request: Request,
  schema: TSchema,
  refusal: WireError,
  options?: { emptyAs?: unknown },
): Promise<v.InferOutput<TSchema>> {
  const parsed = v.safeParse(schema, await readJsonBody(request, options));
  if (!parsed.success) throw new Refusal(errorResponse(refusal));
  return parsed.output;
}

export function pageLimit(raw: string | null, fallback: number): number | null {
  if (raw === null) return fallback;
  if (!/^\d{1,3}$/.test(raw)) return null;
  const limit = Number(raw);
  return limit >= 1 && limit <= 100 ? limit : null;
}
