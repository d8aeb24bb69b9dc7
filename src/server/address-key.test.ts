// @vitest-environment node
// Client addresses as the throttles see them: a keyed hash that never shows the address, the
// same for one client however its address is written, and a key made once and kept.
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADDRESS_SECRET_FILE, addressKeyer, clientOfAddress, loadAddressSecret } from './address-key';
import { ConfigError } from './config';

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'reagir-address-'));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('addressKeyer', () => {
  const key = addressKeyer('k'.repeat(64));

  it('is HMAC-SHA256 under the secret, in base64url, and never shows the address', () => {
    const hashed = key('203.0.113.7');
    expect(hashed).toBe(createHmac('sha256', 'k'.repeat(64)).update('203.0.113.7').digest('base64url'));
    expect(hashed).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashed).not.toContain('203');
    // Another secret, another key: without the secret, hashing every IPv4 address finds nothing.
    expect(addressKeyer('j'.repeat(64))('203.0.113.7')).not.toBe(hashed);
    expect(key('203.0.113.8')).not.toBe(hashed);
  });

  it('gives one key to one client however its address is written', () => {
    expect(key('::ffff:203.0.113.7')).toBe(key('203.0.113.7'));
    expect(key('2001:DB8:0:1::5')).toBe(key('2001:db8:0:1::5'));
    expect(key('fe80::1%eth0')).toBe(key('fe80::1'));
  });

  it('counts an IPv6 client by its /64, where it can take a new address for every request', () => {
    expect(clientOfAddress('2001:db8:aa:bb:1:2:3:4')).toBe('2001:db8:aa:bb::/64');
    expect(clientOfAddress('2001:db8:aa:bb::9')).toBe('2001:db8:aa:bb::/64');
    expect(clientOfAddress('2001:0db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientOfAddress('::1')).toBe('0:0:0:0::/64');
    expect(clientOfAddress('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
    expect(key('2001:db8:aa:bb:1:2:3:4')).toBe(key('2001:db8:aa:bb:ffff::1'));
    expect(key('2001:db8:aa:bb::1')).not.toBe(key('2001:db8:aa:bc::1'));
    expect(clientOfAddress('198.51.100.23')).toBe('198.51.100.23');
  });
});

describe('loadAddressSecret', () => {
  it('takes REAGIR_ADDRESS_SECRET as it is, and then writes nothing', () => {
    expect(loadAddressSecret({ addressSecret: 's'.repeat(40), dataDir: folder })).toBe('s'.repeat(40));
    expect(readdirSync(folder)).toEqual([]);
  });

  it('makes a secret on the first start, readable by the server’s user only, and keeps it', () => {
    const dataDir = join(folder, 'new', 'data');
    const first = loadAddressSecret({ dataDir });
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    const path = join(dataDir, ADDRESS_SECRET_FILE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    // Nothing left behind but the secret itself.
    expect(readdirSync(dataDir)).toEqual([ADDRESS_SECRET_FILE]);
    expect(loadAddressSecret({ dataDir })).toBe(first);
    expect(loadAddressSecret({ dataDir })).toBe(first);
    // The file's text is a valid REAGIR_ADDRESS_SECRET giving the same keys, for other processes.
    const shared = readFileSync(path, 'utf8').trim();
    expect(addressKeyer(loadAddressSecret({ addressSecret: shared, dataDir: folder }))('192.0.2.1')).toBe(addressKeyer(first)('192.0.2.1'));
  });

  it('gives one secret to several servers making it at the same moment', async () => {
    const dataDir = join(folder, 'shared');
    // Each waits, loaded, for the same moment, so that all find no file and all make one.
    const program = `import { loadAddressSecret } from './src/server/address-key.ts';
await new Promise((resolve) => setTimeout(resolve, Number(process.env.AT) - Date.now()));
process.stdout.write(loadAddressSecret({ dataDir: process.env.DATA_DIR }));`;
    const at = String(Date.now() + 3000);
    const run = () =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', program], { env: { ...process.env, DATA_DIR: dataDir, AT: at } });
    const secrets = (await Promise.all(Array.from({ length: 8 }, run))).map(({ stdout }) => stdout);
    expect(secrets[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(secrets)).toEqual(new Set([secrets[0]]));
    expect(readdirSync(dataDir)).toEqual([ADDRESS_SECRET_FILE]);
  });

  it('makes a different secret for another data folder', () => {
    expect(loadAddressSecret({ dataDir: join(folder, 'a') })).not.toBe(loadAddressSecret({ dataDir: join(folder, 'b') }));
  });

  it('refuses, in one line, a secret file that was emptied, or that it cannot read', () => {
    const path = join(folder, ADDRESS_SECRET_FILE);
    writeFileSync(path, '\n');
    expect(() => loadAddressSecret({ dataDir: folder })).toThrow(ConfigError);
    expect(() => loadAddressSecret({ dataDir: folder })).toThrow(/address-secret must hold the address secret .*; delete it to make a new one\.$/);
    if (process.getuid?.() !== 0) {
      writeFileSync(path, 'x'.repeat(64));
      chmodSync(path, 0o000);
      expect(() => loadAddressSecret({ dataDir: folder })).toThrow(/^Cannot read the address secret .* \(EACCES\); .*REAGIR_ADDRESS_SECRET\.$/);
    }
  });

  it('refuses, in one line, a data folder where it cannot be made', () => {
    writeFileSync(join(folder, 'a-file'), '');
    expect(() => loadAddressSecret({ dataDir: join(folder, 'a-file', 'data') })).toThrow(/^Cannot create the data folder .* \(ENOTDIR\) for the address secret\.$/);
  });
});
