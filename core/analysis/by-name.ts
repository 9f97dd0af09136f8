/**
 * A read-only name → value view over figures kept in arrays by component
 * index. The analyses compute into typed or plain arrays aligned with
 * `system.components`; building a Map of every component for each result cost
 * as much as the computation itself at 10,000 components (and the garbage of
 * it), so results share the one name → index Map the graph already holds and
 * answer `get(name)` through it.
 *
 * It behaves as the Map it replaces: iteration follows the index Map's order
 * (first declaration of a name) and a duplicated name yields the value of its
 * last declaration, as `components.forEach((c, i) => map.set(c.name, v[i]))`
 * would have.
 */
export class ByName<V> implements ReadonlyMap<string, V> {
  constructor(
    private readonly index: ReadonlyMap<string, number>,
    private readonly at: (i: number) => V,
  ) {}

  get size(): number {
    return this.index.size;
  }

  get(name: string): V | undefined {
    const i = this.index.get(name);
    return i === undefined ? undefined : this.at(i);
  }

  has(name: string): boolean {
    return this.index.has(name);
  }

  *entries(): MapIterator<[string, V]> {
    for (const [name, i] of this.index) yield [name, this.at(i)];
  }

  keys(): MapIterator<string> {
    return this.index.keys();
  }

  *values(): MapIterator<V> {
    for (const i of this.index.values()) yield this.at(i);
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const [name, i] of this.index) callback.call(thisArg, this.at(i), name, this);
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}
