// The server's log: one JSON object a line, which a terminal shows readably enough and a log
// collector parses as it is. What goes in is chosen where each line is made: never a query
// string, a request body, an email or a comment's text.

export interface LogEntry {
  time: string;
  level: 'info' | 'error';
  event: string;
  [field: string]: string | number | boolean | null | undefined;
}

export type Log = (entry: LogEntry) => void;

/** The default: info lines on stdout, errors on stderr. */
export const consoleLog: Log = (entry) => {
  (entry.level === 'error' ? process.stderr : process.stdout).write(`${JSON.stringify(entry)}\n`);
};

/** An error's line, its stack included: the log is for operators, never a response. */
export function errorEntry(event: string, error: unknown, fields: Omit<LogEntry, 'time' | 'level' | 'event'> = {}): LogEntry {
  const described = error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
  return { time: new Date().toISOString(), level: 'error', event, ...fields, ...described };
}
