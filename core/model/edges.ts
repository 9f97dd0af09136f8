/**
 * Edge statements → EdgeModels and DependencyGroups. A chain `a -> b -> c`
 * makes two steps; fan-out `a -> b, c` makes one dependency group per target
 * list entry; alternatives `a -> b | c` make one group with two targets. The
 * statement's properties apply to every edge it makes.
 */
import { defaultValue } from './schema';
import type { EdgeNode, MemberNode, NameNode } from '../../grammar/ast';
import type { Diagnostic } from '../diagnostic';
import type { Declared } from './build';
import type { DependencyGroup, EdgeModel, SystemModel } from './types';
import { readProperties } from './properties';
import { closest, didYouMean } from './suggest';
import { RESERVED_WORDS } from '../../grammar/tokens';

export function buildEdges(nodes: MemberNode[], system: SystemModel, declared: Map<string, Declared>, diagnostics: Diagnostic[]): void {
  const componentNames = () => system.components.map((c) => c.name);
  const resolve = (name: NameNode, after: string): boolean => {
    const target = declared.get(name.text);
    if (target?.kind === 'component') return true;
    // The parser already said a reserved word cannot be a name; a second error would only repeat it.
    if (!target && RESERVED_WORDS.includes(name.text)) return false;
    const suggestion = closest(name.text, componentNames());
    diagnostics.push({
      code: 'unknown-reference',
      severity: 'error',
      message: target
        ? `'${name.text}' is a ${target.kind}, not a component; edges connect components${didYouMean(suggestion)}`
        : `no component named '${name.text}' in system '${system.name}'${suggestion ? didYouMean(suggestion) : `: declare it (service ${name.text}) or correct the name`}`,
      range: name.range,
      data: { name: name.text, suggestion, after, isGroup: !!target },
    });
    return false;
  };

  let statementId = 0;
  for (const node of nodes as EdgeNode[]) {
    const statement = statementId++;
    const { values } = readProperties(node.properties, 'edge', diagnostics);
    const optional = (values.get('optional') as boolean | undefined) ?? defaultValue<boolean>('edge', 'optional');
    const calls = (values.get('calls') as number | undefined) ?? defaultValue<number>('edge', 'calls');
    const share = (values.get('share') as number | undefined) ?? defaultValue<number>('edge', 'share');
    const latency = (values.get('latency') as number | undefined) ?? defaultValue<number>('edge', 'latency');
    const timeout = values.get('timeout') as number | undefined;
    const retries = (values.get('retries') as number | undefined) ?? defaultValue<number>('edge', 'retries');
    const breaker = (values.get('breaker') as boolean | undefined) ?? defaultValue<boolean>('edge', 'breaker');
    const protocol = values.get('protocol') as string | undefined;
    const label = node.label?.value;
    // Resolve every name once, in order; unknown names are reported and dropped.
    const steps = node.steps;
    const known = new Set<NameNode>();
    for (let i = 0; i < steps.length; i++) {
      for (const group of steps[i].groups) for (const name of group.names) if (resolve(name, i === 0 ? '' : node.arrows[i - 1]?.type ?? '->')) known.add(name);
    }
    for (let i = 0; i < node.arrows.length && i + 1 < steps.length; i++) {
      const kind = node.arrows[i].type === '->' ? 'sync' : 'async';
      for (const sourceGroup of steps[i].groups) {
        for (const source of sourceGroup.names) {
          if (!known.has(source)) continue;
          for (const group of steps[i + 1].groups) {
            const targets: string[] = [];
            for (const n of group.names) if (known.has(n)) targets.push(n.text);
            if (targets.length === 0) continue;
            let list = system.dependencies.get(source.text);
            if (!list) system.dependencies.set(source.text, (list = []));
            const dependency: DependencyGroup = { index: list.length, from: source.text, targets, edges: [], kind, optional };
            list.push(dependency);
            const alternative = group.names.length > 1;
            for (const target of group.names) {
              if (!known.has(target)) continue;
              const edge: EdgeModel = {
                id: system.edges.length,
                from: source.text,
                to: target.text,
                kind,
                statement,
                group: dependency.index,
                alternative,
                optional,
                calls,
                share,
                latency,
                timeout,
                retries,
                breaker,
                protocol,
                label,
                fromRange: source.range,
                toRange: target.range,
                range: node.range,
              };
              system.edges.push(edge);
              dependency.edges.push(edge);
            }
          }
        }
      }
    }
  }
}
