// Starts a PLC directory and the reference Bluesky PDS on loopback, creates the accounts named in
// argv[2] (JSON: [{ handle, password, displayName? }]) with an app password each, prints one line
// of JSON ({ pdsUrl, plcUrl, accounts }) and runs until stdin closes or a signal arrives.
// Runs on Node 22 (test/pds/setup.sh puts it in test/pds/.node); logs go to stderr.
import { Buffer } from 'node:buffer';
import crypto from 'node:crypto';
import events from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout } from 'node:timers';

const accounts = JSON.parse(process.argv[2] ?? '[]');
const log = (...args) => process.env.PDS_VERBOSE && console.error('[pds]', ...args);
// PDS_VERBOSE=1 also turns on the PDS's own logs, sent to stderr: stdout carries only the ready line.
// (The atproto logger reads its settings when it is first imported, hence the dynamic imports.)
if (process.env.PDS_VERBOSE) {
  process.env.LOG_ENABLED ??= 'true';
  process.env.LOG_DESTINATION ??= '/dev/stderr';
}
const pds = await import('@atproto/pds');
const plc = await import('@did-plc/server');

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-pds-'));
process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
const plcPort = await freePort();
const plcServer = plc.PlcServer.create({ db: plc.Database.mock(), port: plcPort });
// PlcServer.start() listens on every interface; a test network has no business outside loopback.
plcServer.server = plcServer.app.listen(plcPort, '127.0.0.1');
await events.once(plcServer.server, 'listening');
// Named by host name, not IP: the PDS resolves DIDs through a fetch that refuses IP hosts
// (allowIpHost: false), so http://127.0.0.1:… would fail com.atproto.repo.describeRepo and
// every other lookup of a DID document with "Could not resolve DID: Error: Invalid hostname".
const plcUrl = `http://localhost:${plcPort}`;

const port = await freePort();
const env = {
  devMode: true,
  port,
  hostname: 'localhost',
  dataDirectory: dataDir,
  blobstoreDiskLocation: path.join(dataDir, 'blobs'),
  didPlcUrl: plcUrl,
  // Handles under .test, as in atproto's own dev network.
  serviceHandleDomains: ['.test'],
  inviteRequired: false,
  // Videos are tested too: the reference default of 5 MB is below what networks accept.
  blobUploadLimit: 100 * 1024 * 1024,
  jwtSecret: crypto.randomBytes(32).toString('hex'),
  adminPassword: crypto.randomBytes(16).toString('hex'),
  // Any 32 random bytes are a secp256k1 private key (but for odds of about 2^-128).
  plcRotationKeyK256PrivateKeyHex: crypto.randomBytes(32).toString('hex'),
  rateLimitsEnabled: process.env.PDS_RATE_LIMITS === 'true',
  disableSsrfProtection: true,
};
const server = await pds.PDS.create(pds.envToCfg(env), pds.envToSecrets(env));
await server.ctx.sequencer.start();
server.server = server.app.listen(port, '127.0.0.1');
await events.once(server.server, 'listening');
// The DID documents name http://localhost:<port>, the PDS's public URL in dev mode.
const pdsUrl = `http://localhost:${port}`;
log('listening', pdsUrl, 'plc', plcUrl, 'data', dataDir);

async function xrpc(method, nsid, body, token) {
  const response = await fetch(`${pdsUrl}/xrpc/${nsid}`, {
    method,
    headers: { ...(body && !(body instanceof Uint8Array) ? { 'content-type': 'application/json' } : {}), ...(body instanceof Uint8Array ? { 'content-type': 'image/png' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body instanceof Uint8Array ? body : body ? JSON.stringify(body) : undefined,
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`${nsid}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

// A 1×1 PNG: enough for an avatar blob with a real CID.
const png = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));

const created = [];
for (const account of accounts) {
  const session = await xrpc('POST', 'com.atproto.server.createAccount', { handle: account.handle, email: `${account.handle}@example.com`, password: account.password });
  const { blob } = await xrpc('POST', 'com.atproto.repo.uploadBlob', png, session.accessJwt);
  await xrpc(
    'POST',
    'com.atproto.repo.putRecord',
    { repo: session.did, collection: 'app.bsky.actor.profile', rkey: 'self', record: { $type: 'app.bsky.actor.profile', displayName: account.displayName ?? account.handle, avatar: blob } },
    session.accessJwt,
  );
  const appPassword = await xrpc('POST', 'com.atproto.server.createAppPassword', { name: 'Herald' }, session.accessJwt);
  created.push({ handle: account.handle, did: session.did, password: account.password, appPassword: appPassword.password });
}

process.stdout.write(`${JSON.stringify({ pdsUrl, plcUrl, accounts: created })}\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  // A stop that hangs (an open request, a busy database) still ends the process, and the data
  // directory goes with it: the 'exit' handler above removes it on every way out.
  setTimeout(() => process.exit(0), 5000).unref();
  const closing = new Promise((resolve) => server.server.close(resolve));
  server.server.closeAllConnections?.();
  await closing;
  await server.ctx.destroy().catch((error) => log('destroy', error));
  const plcClosing = new Promise((resolve) => plcServer.server.close(resolve));
  plcServer.server.closeAllConnections?.();
  await plcClosing;
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
