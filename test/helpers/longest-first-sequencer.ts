import fs from 'node:fs';
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// With four files at a time, the suite ends when its last file does: a three-minute file that
// starts last (vitest, knowing nothing in a fresh clone, starts the biggest files first, and the
// slowest are not the biggest) adds its whole length to the run. So the files start longest first,
// by the durations one full run recorded (test/durations.json, `npm run test:durations` after a
// run). Files not in it (new ones) go first: they may be slow, and they are few.
const durationsFile = path.resolve(import.meta.dirname, '../durations.json');

type Durations = Record<string, number>;

function recordedDurations(): Durations {
  try {
    return JSON.parse(fs.readFileSync(durationsFile, 'utf8')) as Durations;
  } catch {
    return {};
  }
}

export const durationKey = (projectName: string, root: string, moduleId: string) => `${projectName}:${path.relative(root, moduleId)}`;

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const durations = recordedDurations();
    const root = this.ctx.config.root;
    const known = (spec: TestSpecification) => durations[durationKey(spec.project.name, root, spec.moduleId)];
    // Vitest's own order first (its cache when this checkout ran before, else file size), so
    // files without a record keep a sensible order among themselves.
    const byVitest = await super.sort(files);
    const unknown = byVitest.filter((spec) => known(spec) === undefined);
    const recorded = byVitest.filter((spec) => known(spec) !== undefined).sort((a, b) => known(b)! - known(a)!);
    return [...unknown, ...recorded];
  }
}
