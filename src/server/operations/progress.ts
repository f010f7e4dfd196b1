import cliProgress from 'cli-progress';

export type Progress = {
  /** Adds `amount` to what is done (bytes, rows: whatever the total counts). */
  advance(amount: number): void;
  done(): void;
};

const units = (bytes: boolean) => (value: number) => (bytes ? `${(value / 1e6).toFixed(1)} MB` : String(value));

/**
 * A progress bar on a terminal, plain lines otherwise (a log file or a pipe gets one line per
 * tenth, not a stream of carriage returns).
 */
export function startProgress(label: string, total: number, options: { bytes?: boolean; out?: NodeJS.WriteStream } = {}): Progress {
  const out = options.out ?? process.stdout;
  const show = units(options.bytes ?? false);
  if (out.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label.padEnd(12)} [{bar}] {percentage}% | {shown} / {totalShown} | {eta_formatted}`,
        stream: out,
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    let value = 0;
    bar.start(total, 0, { shown: show(0), totalShown: show(total) });
    return {
      advance(amount) {
        value += amount;
        bar.update(Math.min(value, total), { shown: show(value) });
      },
      done() {
        bar.update(total, { shown: show(Math.max(value, total)) });
        bar.stop();
      },
    };
  }
  let value = 0;
  let reportedTenth = 0;
  out.write(`${label}: 0 / ${show(total)}\n`);
  return {
    advance(amount) {
      value += amount;
      const tenth = total > 0 ? Math.floor((value / total) * 10) : 10;
      if (tenth > reportedTenth && tenth < 10) {
        reportedTenth = tenth;
        out.write(`${label}: ${tenth * 10}% (${show(value)} / ${show(total)})\n`);
      }
    },
    done() {
      out.write(`${label}: done (${show(Math.max(value, total))})\n`);
    },
  };
}
