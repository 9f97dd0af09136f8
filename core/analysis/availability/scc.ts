/**
 * Strongly connected components, sinks first (Tarjan's algorithm with an
 * explicit stack, so a 10,000-component chain cannot overflow the call
 * stack). Building served functions in this order means every target is
 * ready before its caller, except inside a cycle.
 *
 * The finder keeps its arrays between calls: the exact engine calls it once
 * per module on disjoint node sets, and allocating n-sized arrays per call
 * would make the whole quadratic. A node already numbered by an earlier call
 * is never visited again.
 */
export function sccFinder(size: number): (starts: number[], succ: (x: number) => ArrayLike<number>) => number[][] {
  const index = new Int32Array(size).fill(-1);
  const low = new Int32Array(size);
  const onStack = new Uint8Array(size);
  let counter = 0;
  return (starts, succ) => sccsSinksFirst(starts, succ);

  function sccsSinksFirst(starts: number[], succ: (x: number) => ArrayLike<number>): number[][] {
  const sccStack: number[] = [];
  const out: number[][] = [];
  const work: { x: number; ks: ArrayLike<number>; i: number }[] = [];
  const open = (x: number) => {
    index[x] = low[x] = counter++;
    sccStack.push(x);
    onStack[x] = 1;
    work.push({ x, ks: succ(x), i: 0 });
  };
  for (const root of starts) {
    if (index[root] !== -1) continue;
    open(root);
    while (work.length > 0) {
      const top = work[work.length - 1];
      if (top.i < top.ks.length) {
        const t = top.ks[top.i++];
        if (index[t] === -1) open(t);
        else if (onStack[t] && index[t] < low[top.x]) low[top.x] = index[t];
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].x;
        if (low[top.x] < low[parent]) low[parent] = low[top.x];
      }
      if (low[top.x] === index[top.x]) {
        const scc: number[] = [];
        let y: number;
        do {
          y = sccStack.pop()!;
          onStack[y] = 0;
          scc.push(y);
        } while (y !== top.x);
        out.push(scc);
      }
    }
  }
  return out;
}
}
