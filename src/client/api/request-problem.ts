// What went wrong with a request that the client found itself (no answer, an unreadable one, a
// refusal without the contract's error body), as a code with its values: each catalogue says it
// in its language (src/client/lib/i18n/fr.ts, en.ts).
export type RequestProblem =
  | { code: 'offline' }
  | { code: 'timeout' }
  | { code: 'network' }
  | { code: 'rateLimited'; seconds: number | null }
  | { code: 'refused'; status: number }
  | { code: 'unreadable' }
  | { code: 'unexpected' };

