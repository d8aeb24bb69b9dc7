// A database URL carries its password: wherever one is shown (an error, a log line) it goes
// through here first.

export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

/** The URL with its password replaced by ***; a value that does not parse shows only its scheme. */
export function withoutPassword(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(value)?.[0];
    return scheme ? `${scheme}//…` : '(not a URL)';
  }
}

/** `text` (a driver's error message, say) with the URL's password, raw or decoded, replaced by ***. */
export function redactPassword(text: string, value: string): string {
  if (!URL.canParse(value)) return text;
  const raw = new URL(value).password;
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // A malformed escape: the raw form is the only one a driver could quote.
  }
  return [raw, decoded].filter(Boolean).reduce((redacted, secret) => redacted.replaceAll(secret, '***'), text);
}
