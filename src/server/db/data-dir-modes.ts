import fs from 'node:fs';
import path from 'node:path';

/**
 * The data folder holds the database (whose write-ahead log carries live tokens), the secrets and
 * the uploaded media: only the account Herald runs as may read it. PGlite writes the files of a
 * new database 0666 whatever the umask, so modes are also corrected after it opens and closes.
 */
export const DATA_DIR_MODE = 0o700;
export const DATA_FILE_MODE = 0o600;

/** Creates the data folder owner-only, or makes an existing one so (the folder itself: 1 when it changed it). */
export function createDataDir(dataPath: string): number {
  fs.mkdirSync(dataPath, { recursive: true, mode: DATA_DIR_MODE });
  const { mode } = fs.statSync(dataPath);
  if ((mode & 0o077) === 0) return 0;
  fs.chmodSync(dataPath, mode & ~0o077 & 0o7777);
  return 1;
}

/**
 * Removes the group and other permission bits from `root` and everything under it; answers how
 * many entries it changed. Symbolic links are not followed (chmod would act outside the folder),
 * and entries that vanish meanwhile (PGlite's temporary files) or belong to another account are
 * skipped.
 */
export function restrictToOwner(root: string): number {
  let changed = 0;
  const visit = (entry: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(entry);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    if (stat.isSymbolicLink()) return;
    if ((stat.mode & 0o077) !== 0) {
      try {
        fs.chmodSync(entry, stat.mode & ~0o077 & 0o7777);
        changed += 1;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'EPERM') throw error;
      }
    }
    if (stat.isDirectory()) {
      let names: string[];
      try {
        names = fs.readdirSync(entry);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw error;
      }
      for (const name of names) visit(path.join(entry, name));
    }
  };
  visit(root);
  return changed;
}
