import { afterEach, describe, expect, it, vi } from 'vitest';

import { startListRefresh } from './list-refresh-schedule.js';

describe('startListRefresh', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refreshes then syncs on every tick, keeps going after an error, never overlaps', async () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    let release: () => void = () => undefined;
    const errors: unknown[] = [];
    const stop = startListRefresh(1000, {
      refresh: () => {
        calls.push('refresh');
        return calls.length === 1 ? Promise.reject(new Error('offline')) : Promise.resolve();
      },
      sync: () => {
        calls.push('sync');
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
      onError: (error) => errors.push(error),
    });

    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(1000); // the first sync is still running: skipped
    release();
    await vi.advanceTimersByTimeAsync(1000);
    stop();
    release();
    await vi.advanceTimersByTimeAsync(5000);

    expect(calls).toEqual(['refresh', 'sync', 'refresh', 'sync']);
    expect(errors).toHaveLength(1);
  });

  it('starts nothing with an interval of 0', () => {
    const stop = startListRefresh(0, {
      refresh: () => Promise.reject(new Error('never')),
      sync: () => Promise.reject(new Error('never')),
      onError: () => undefined,
    });
    stop();
  });
});
