import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'pino';
import { DATA_FILE_MODE } from '../db/data-dir-modes.ts';
import { snapshotPglite, type DatabaseSnapshot, type InstanceCounts } from './database-snapshot.ts';

// A running embedded Herald holds its data folder's lock, and PGlite cannot be opened by a second
// process, so `herald backup` asks the running process for the snapshot over a Unix socket in the
// data folder. Whoever may connect to it may read the data folder anyway (the folder is 0700, the
// socket 0600), so it needs no other credential. Protocol: the client sends `snapshot\n`; the
// answer is one JSON line ({ size, counts, migrations } or { error }) followed by `size` bytes.

export const snapshotSocketPath = (dataPath: string) => path.join(dataPath, 'herald.sock');
const REQUEST = 'snapshot\n';

export type SnapshotServer = { close(): Promise<void> };

/**
 * Serves snapshots of `pglite` while Herald runs. Called with the data folder's lock held, so a
 * socket file found there is a crashed process's leftover. Failing to listen (a path longer than
 * the platform's limit) only turns online backups off: Herald itself runs on.
 */
export async function serveSnapshots(pglite: PGlite, dataPath: string, logger: Logger): Promise<SnapshotServer | undefined> {
  const socketPath = snapshotSocketPath(dataPath);
  fs.rmSync(socketPath, { force: true });
  const connections = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
    // A client that never asks must not hold the socket (and Herald's shutdown) open.
    socket.setTimeout(10_000, () => socket.destroy());
    let request = '';
    socket.setEncoding('latin1');
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: string) => {
      request += chunk;
      if (request.length > REQUEST.length) return void socket.destroy();
      if (request !== REQUEST) return;
      socket.removeAllListeners('data');
      socket.setTimeout(0);
      void answer(socket);
    });
  });
  let running: Promise<unknown> = Promise.resolve();
  const answer = async (socket: net.Socket) => {
    // One snapshot at a time: each holds a copy of the whole database in memory.
    const turn = running.then(async () => {
      try {
        const snapshot = await snapshotPglite(pglite);
        socket.write(`${JSON.stringify({ size: snapshot.tarball.length, counts: snapshot.counts, migrations: snapshot.migrations })}\n`);
        // Sent, or the client went away: either way this turn is over.
        await new Promise<void>((resolve) => {
          socket.once('close', () => resolve());
          socket.end(snapshot.tarball, () => resolve());
        });
        logger.info({ bytes: snapshot.tarball.length }, 'database snapshot sent for a backup');
      } catch (err) {
        logger.error({ err }, 'database snapshot failed');
        socket.end(`${JSON.stringify({ error: 'The running Herald could not take the snapshot; see its log' })}\n`);
      }
    });
    running = turn.catch(() => undefined);
    await turn;
  };
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => resolve());
    });
  } catch (err) {
    logger.warn({ err, socketPath }, 'online backups are off: the snapshot socket could not be opened (stop Herald to back it up)');
    return undefined;
  }
  fs.chmodSync(socketPath, DATA_FILE_MODE);
  return {
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A snapshot being taken is finished and sent; then no connection is left open.
      await running;
      for (const socket of connections) socket.destroy();
      await closed;
      fs.rmSync(socketPath, { force: true });
    },
  };
}

export class SnapshotUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotUnavailableError';
  }
}

/** Asks the Herald running on `dataPath` for a snapshot of its database. */
export async function requestSnapshot(dataPath: string, pid: number): Promise<DatabaseSnapshot> {
  const socketPath = snapshotSocketPath(dataPath);
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(socketPath);
    const chunks: Buffer[] = [];
    let received = 0;
    socket.on('connect', () => socket.write(REQUEST));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const unreachable = error.code === 'ENOENT' || error.code === 'ECONNREFUSED';
      reject(
        unreachable
          ? new SnapshotUnavailableError(`The Herald running on ${dataPath} (pid ${pid}) does not answer backup requests (started by an older version, or its socket could not be opened). Stop it, then run the backup again.`)
          : error,
      );
    });
    socket.on('end', () => {
      const all = Buffer.concat(chunks, received);
      const newline = all.indexOf(10);
      if (newline < 0) return reject(new SnapshotUnavailableError('The running Herald closed the connection without a snapshot; see its log'));
      const header = JSON.parse(all.subarray(0, newline).toString('utf8')) as { size?: number; counts?: InstanceCounts; migrations?: number; error?: string };
      if (header.error) return reject(new SnapshotUnavailableError(header.error));
      const tarball = all.subarray(newline + 1);
      if (tarball.length !== header.size) return reject(new SnapshotUnavailableError(`The snapshot arrived incomplete (${tarball.length} of ${header.size} bytes)`));
      resolve({ tarball, counts: header.counts!, migrations: header.migrations! });
    });
  });
}
