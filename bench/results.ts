import fs from 'node:fs';
import os from 'node:os';

const folder = new URL('./results/', import.meta.url);

/** Where and on what a result was measured, so numbers from two machines are not compared blindly. */
export function machine() {
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
}

/** Writes bench/results/<name>.json and answers its path. */
export function writeResult(name: string, result: unknown): string {
  fs.mkdirSync(folder, { recursive: true });
  const file = new URL(`${name}.json`, folder);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file.pathname;
}
