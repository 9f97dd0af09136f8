/**
 * A small layout run once when a layout worker starts. ELK is compiled Java
 * (GWT), and its first layouts run several times slower than later ones
 * while the JavaScript engine optimises it; paying that on a made-up graph
 * at start-up keeps it off the first diagram a user waits for.
 */
import type { DiagramEdge, DiagramNode } from './graph-types';
import { GROUP_PADDING, rootLayoutOptions } from './layout-options';

/** A graph shaped like a real one: a chain of layers, half of it in a nested group. */
export function warmUpGraph(size = 40): DiagramNode {
  const node = (i: number): DiagramNode => ({ id: `n:w${i}`, width: 120, height: 60 });
  const inner: DiagramNode = {
    id: 'g:warm',
    layoutOptions: { 'elk.padding': `[top=${GROUP_PADDING.top},left=${GROUP_PADDING.left},bottom=${GROUP_PADDING.bottom},right=${GROUP_PADDING.right}]` },
    children: [],
  };
  const root: DiagramNode = { id: 'sys:warm', layoutOptions: rootLayoutOptions('right', size), children: [inner], edges: [] };
  for (let i = 0; i < size; i++) (i % 2 ? inner.children! : root.children!).push(node(i));
  for (let i = 4; i < size; i++) {
    const edge: DiagramEdge = { id: `e:w${i}`, sources: [`n:w${i - 4 + (i % 3)}`], targets: [`n:w${i}`] };
    root.edges!.push(edge);
  }
  return root;
}
