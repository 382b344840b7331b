// Axis ticks people read easily: steps of 1, 2 or 5 times a power of ten, from zero up past the
// largest value, with few enough ticks to stay legible at chat preview sizes.

export interface NiceScale {
  /** The top of the axis: a multiple of step, at least the largest value (and at least 1). */
  max: number;
  step: number;
  ticks: number[];
}

export function niceScale(largest: number, maxTicks = 5): NiceScale {
  const top = Math.max(1, largest);
  let step = 1;
  for (let magnitude = 1; ; magnitude *= 10) {
    const found = [1, 2, 5].map((factor) => factor * magnitude).find((candidate) => Math.ceil(top / candidate) <= maxTicks);
    if (found !== undefined) {
      step = found;
      break;
    }
  }
  const max = Math.ceil(top / step) * step;
  const ticks: number[] = [];
  for (let tick = 0; tick <= max; tick += step) ticks.push(tick);
  return { max, step, ticks };
}
