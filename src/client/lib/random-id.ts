/**
 * A random id: a UUID where crypto.randomUUID exists, else (a page served over plain http) 128
 * random bits in hex. Idempotency keys and reader tokens need uniqueness, not the UUID format.
 */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
