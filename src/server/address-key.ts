// Client addresses are never kept in clear: what the throttles and the bans see is a keyed hash
// (HMAC-SHA256) of the address, which says "the same client as before" and nothing else. Without
// the key, a leaked database does not give the addresses back, not even by hashing all 2^32 IPv4
// addresses, as it would with a plain hash.
//
// The key is REAGIR_ADDRESS_SECRET, or else the one the server makes in its data folder on its
// first start. Several processes on one PostgreSQL database must share one key (set the
// variable, or share the file), or each throttles its own view of a client.
import { createHmac, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { isIPv4, isIPv6 } from 'node:net';
import { join } from 'node:path';
import { ConfigError, makeFolder, type ServerConfig } from './config';

export const ADDRESS_SECRET_FILE = 'address-secret';
// The server's secrets are as long as the ones REAGIR_ADDRESS_SECRET accepts (config.ts).
const SECRET_BYTES = 32;
const MIN_SECRET_LENGTH = 32;

/** The keyed hash of a client's address: base64url, 43 characters. */
export type AddressKey = (address: string) => string;

function reason(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : String(error);
}

/** An IPv6 address's first 64 bits, written out in full (`2001:db8:0:1::/64`). */
function ipv6Prefix(address: string): string {
  const [head = '', tail] = address.split('::');
  const groupsOf = (part: string) => (part === '' ? [] : part.split(':'));
  // A dotted IPv4 ending (::ffff:1.2.3.4) takes the place of two groups.
  const width = (groups: string[]) => groups.reduce((sum, group) => sum + (group.includes('.') ? 2 : 1), 0);
  const before = groupsOf(head);
  const after = tail === undefined ? [] : groupsOf(tail);
  const zeros = tail === undefined ? [] : Array<string>(8 - width(before) - width(after)).fill('0');
  const groups = [...before, ...zeros, ...after].slice(0, 4);
  return `${groups.map((group) => parseInt(group, 16).toString(16)).join(':')}::/64`;
}

/**
 * What identifies one client in an address: an IPv4 address as it is (also when a dual-stack
 * socket writes it ::ffff:1.2.3.4); for IPv6 its /64, the block one subscriber gets, since
 * anyone with one can take a new address in it for every request.
 */
export function clientOfAddress(address: string): string {
  const bare = address.trim().replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  if (isIPv6(bare)) return ipv6Prefix(bare);
  // IPv4, or whatever a proxy wrote (a name, "unknown"): hashed as it is.
  return bare;
}

export function addressKeyer(secret: string): AddressKey {
  return (address) => createHmac('sha256', secret).update(clientOfAddress(address)).digest('base64url');
}

/** The secret in the file, or null when there is no file. */
function readSecretFile(path: string): string | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (reason(error) === 'ENOENT') return null;
    throw new ConfigError(`Cannot read the address secret ${path} (${reason(error)}); fix its permissions, or set REAGIR_ADDRESS_SECRET.`);
  }
  const secret = text.trim();
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`${path} must hold the address secret the server made on its first start; delete it to make a new one.`);
  }
  return secret;
}

/**
 * A new secret, written whole under a temporary name and then linked into place: link() fails
 * if the file exists, so two processes starting at once end up with one secret, and no process
 * ever reads a half-written one.
 */
function createSecretFile(path: string): string {
  const secret = randomBytes(SECRET_BYTES).toString('hex');
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    // Readable by the server's own user only.
    const descriptor = openSync(temporary, 'wx', 0o600);
    try {
      writeSync(descriptor, `${secret}\n`);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    linkSync(temporary, path);
    return secret;
  } catch (error) {
    if (reason(error) === 'EEXIST') {
      const theirs = readSecretFile(path);
      if (theirs !== null) return theirs;
    }
    throw new ConfigError(`Cannot create the address secret ${path} (${reason(error)}); make the data folder writable, or set REAGIR_ADDRESS_SECRET.`);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** REAGIR_ADDRESS_SECRET, else the data folder's secret, made on the first start. */
export function loadAddressSecret(config: Pick<ServerConfig, 'addressSecret' | 'dataDir'>): string {
  if (config.addressSecret !== undefined) return config.addressSecret;
  try {
    makeFolder(config.dataDir);
  } catch (error) {
    throw new ConfigError(`Cannot create the data folder ${config.dataDir} (${reason(error)}) for the address secret.`);
  }
  const path = join(config.dataDir, ADDRESS_SECRET_FILE);
  return readSecretFile(path) ?? createSecretFile(path);
}
