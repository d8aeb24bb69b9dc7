// Problems found by code (a validation rule, a failed request) are described by a `code` and
// the values the message needs; each catalogue turns them into words, one function per code.

export interface CodedProblem {
  code: string;
}

/** One message per code, given the problem with its values. */
export type MessagesFor<P extends CodedProblem> = { [K in P as K['code']]: (problem: K) => string };

export function messageFor<P extends CodedProblem>(messages: MessagesFor<P>, problem: P): string {
  const message = (messages as unknown as Record<string, (problem: P) => string>)[problem.code];
  return message ? message(problem) : problem.code;
}
