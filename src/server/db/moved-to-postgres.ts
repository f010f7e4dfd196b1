import fs from 'node:fs';
import path from 'node:path';
import { DATA_FILE_MODE } from './data-dir-modes.ts';

// After `herald move-to-postgres`, the scheduled posts publish from PostgreSQL. Starting the
// embedded database again would publish them a second time, so the data folder carries a marker
// that the embedded mode refuses to start on (the media, keys and secret stay in use from there).

const markerFile = (dataPath: string) => path.join(dataPath, 'MOVED-TO-POSTGRES');

export class DataDirMovedError extends Error {
  constructor(dataPath: string, movedTo: string) {
    super(
      `The embedded database in ${dataPath} was moved to PostgreSQL (${movedTo}); its posts publish from there. ` +
        `Start Herald with DATABASE_URL. Starting the embedded copy would publish scheduled posts twice: delete ${markerFile(dataPath)} only if you mean to.`,
    );
    this.name = 'DataDirMovedError';
  }
}

export function refuseIfMoved(dataPath: string): void {
  let text: string;
  try {
    text = fs.readFileSync(markerFile(dataPath), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  throw new DataDirMovedError(dataPath, text.split('\n')[0]?.trim() || 'PostgreSQL');
}

/** `target` must carry no credentials: the file is plain text. */
export function markMoved(dataPath: string, target: string, at = new Date()): void {
  fs.writeFileSync(markerFile(dataPath), `${target}\nmoved at ${at.toISOString()} by herald move-to-postgres\n`, { mode: DATA_FILE_MODE });
}
