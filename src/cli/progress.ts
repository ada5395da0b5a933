/**
 * A progress bar on stderr for long ingests; silent when stderr is not a terminal or when the
 * output is JSON, so pipes and logs stay clean.
 *
 * @module
 */
import { SingleBar, Presets } from 'cli-progress';

/** Callbacks a long operation reports to. */
export interface ProgressReporter {
  publication(done: number, total: number, label: string): void;
  step(done: number, total: number): void;
  stop(): void;
}

/** Creates a reporter; a no-op one when `enabled` is false or stderr is not a TTY. */
export function createProgress(enabled: boolean): ProgressReporter {
  if (!enabled || !process.stderr.isTTY) {
    return { publication: () => undefined, step: () => undefined, stop: () => undefined };
  }
  const bar = new SingleBar(
    {
      format: '{label} [{bar}] {percentage}% | {value}/{total}',
      stream: process.stderr,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  let started = false;
  let label = '';
  return {
    publication: (done, total, name) => {
      label = `(${Math.min(done + 1, total)}/${total}) ${name}`;
    },
    step: (done, total) => {
      if (!started) {
        bar.start(total, done, { label });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { label });
    },
    stop: () => {
      if (started) {
        bar.stop();
      }
    },
  };
}
