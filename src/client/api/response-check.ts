// Every answer is checked against the contract before the app trusts it. The checker (valibot and
// the contract's schemas, some 3.5 KB gzip) loads with the first request, in parallel with it,
// rather than with the page: an article page rendered on the server makes no request until the
// reader does something (docs/decisions/005-first-bundle.md).
import * as v from 'valibot';
import * as contract from '../../shared/contract';

export type Contract = typeof contract;

/** How a request names the schema of its answer: picked from the contract, or its own. */
export type SchemaPick<TSchema extends v.GenericSchema> = (schemas: Contract) => TSchema;

export function checkAnswer<TSchema extends v.GenericSchema>(
  pick: SchemaPick<TSchema>,
  data: unknown,
): { ok: true; value: v.InferOutput<TSchema> } | { ok: false } {
  const parsed = v.safeParse(pick(contract), data);
  return parsed.success ? { ok: true, value: parsed.output } : { ok: false };
}

/** The error a refusal's body explains, or null when it is not in the contract's shape. */
export function refusalOf(data: unknown): contract.ApiErrorBody['error'] | null {
  const body = v.safeParse(contract.ApiErrorBodySchema, data);
  return body.success ? body.output.error : null;
}
