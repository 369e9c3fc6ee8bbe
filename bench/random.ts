/** A small seeded generator (mulberry32): the same seed gives the same registry on every machine. */
export class Random {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and spread (sigma of the underlying normal). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }
}

/** Draws from fixed weights in O(log n) with a cumulative table. */
export class WeightedTable<T> {
  readonly #items: T[];
  readonly #cumulative: number[];

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    const positive = entries.filter(([, weight]) => weight > 0);
    if (positive.length === 0) throw new Error('no positive weight');
    this.#items = positive.map(([item]) => item);
    let total = 0;
    this.#cumulative = positive.map(([, weight]) => (total += weight));
  }

  draw(random: Random): T {
    const total = this.#cumulative[this.#cumulative.length - 1] ?? 0;
    const target = random.next() * total;
    let low = 0;
    let high = this.#cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.#cumulative[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return this.#items[low] as T;
  }
}
