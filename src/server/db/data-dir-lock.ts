import fs from 'node:fs';
import path from 'node:path';
import { DATA_FILE_MODE } from './data-dir-modes.ts';

export class DataDirLockedError extends Error {
  constructor(readonly dataPath: string, readonly pid: number) {
    super(
      `Another Herald process (pid ${pid}) is using ${dataPath}. The embedded database allows one process; ` +
        'stop it first, or use DATABASE_URL (PostgreSQL) to run several processes.',
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Locks this process holds: a lock file carrying our own pid is stale (a container's pid 1
// restarting) unless it is in here.
const heldHere = new Set<string>();

/** Takes the data folder's lock file; a lock left by a dead process is taken over. */
export function acquireDataDirLock(dataPath: string): () => void {
  const lockPath = path.join(dataPath, 'herald.lock');
  if (heldHere.has(lockPath)) throw new DataDirLockedError(dataPath, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx', mode: DATA_FILE_MODE });
      heldHere.add(lockPath);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldHere.delete(lockPath);
        fs.rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) throw new DataDirLockedError(dataPath, owner);
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}
