// Work over every paper that a running bot does ahead of time (reading authors, folding titles,
// collecting names) is cut into slices of a few milliseconds with a turn of the event loop between
// them: a command or a /healthz probe that arrives meanwhile waits for one slice, not for the whole
// pass (0.3-0.8 s each at 100k papers). Slices are cut by time, not by count: answering one
// command takes several turns of the event loop (reading input, loading a module, writing the
// reply), and each turn lets one slice run first.

/** How long one slice may run before yielding. */
export const SLICE_MS = 4;
/** Items between clock reads; reading the clock per item would cost more than the work. */
const CHECK_EVERY = 64;

/**
 * Calls `step` for each item in order, yielding to the event loop every `sliceMs` milliseconds.
 * Once `signal` is aborted (the index being prepared was replaced) it throws at the next turn, so
 * no half-done result is kept and no time is spent on an index nobody reads.
 */
export async function forEachInSlices<T>(items: readonly T[], step: (item: T) => void, sliceMs = SLICE_MS, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  let sliceStarted = performance.now();
  for (let position = 0; position < items.length; position += 1) {
    step(items[position] as T);
    if (position % CHECK_EVERY === CHECK_EVERY - 1 && performance.now() - sliceStarted >= sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
      sliceStarted = performance.now();
    }
  }
}

/** Work over a list that ends in one value: run at once when a command needs it, or ahead in slices. */
export interface StepwiseBuild<T, V> {
  items: readonly T[];
  step: (item: T) => void;
  result: () => V;
}

export function buildNow<T, V>(build: StepwiseBuild<T, V>): V {
  for (const item of build.items) build.step(item);
  return build.result();
}

export async function buildInSlices<T, V>(build: StepwiseBuild<T, V>, sliceMs = SLICE_MS, signal?: AbortSignal): Promise<V> {
  await forEachInSlices(build.items, build.step, sliceMs, signal);
  return build.result();
}

/**
 * A value kept per key (an index, a list of papers): built on first use, or prepared ahead in
 * slices by a bot; whichever finishes first is kept, and an aborted preparation keeps nothing.
 */
export function preparedPerKey<K extends object, T, V>(start: (key: K) => StepwiseBuild<T, V>): { get(key: K): V; prepare(key: K, signal?: AbortSignal): Promise<void> } {
  const values = new WeakMap<K, V>();
  return {
    get(key) {
      let value = values.get(key);
      if (value === undefined) {
        value = buildNow(start(key));
        values.set(key, value);
      }
      return value;
    },
    async prepare(key, signal) {
      if (values.has(key)) return;
      const value = await buildInSlices(start(key), SLICE_MS, signal);
      if (!values.has(key)) values.set(key, value);
    },
  };
}
