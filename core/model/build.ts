/**
 * AST → Model. Names are collected first so references may come before the
 * declarations they name; then components, groups, edges, lint settings and
 * sysd-ignore comments are resolved, normalised and given their defaults.
 */
import type { ComponentNode, FileNode, GroupNode, MemberNode, PropertyNode, SystemNode } from '../../grammar/ast';
import { LINT_SEVERITIES, replaceFix, type Diagnostic, type Range, type Severity } from '../diagnostic';
import { CODES, isDiagnosticCode } from '../codes';
import type { GroupModel, Model, SystemModel } from './types';
import { readProperties } from './properties';
import { defaultValue } from './schema';
import { buildComponent } from './component';
import { buildEdges } from './edges';
import { collectIgnores } from './ignores';
import { closest, didYouMean } from './suggest';


export interface Declared {
  kind: 'component' | 'zone' | 'region';
  range: Range;
}

export function buildModel(ast: FileNode, text: string): Model {
  const diagnostics: Diagnostic[] = [];
  const systems: SystemModel[] = [];
  const seen = new Map<string, Range>();
  for (const node of ast.systems) {
    if (!node.name) continue; // The parser reported the missing name.
    const first = seen.get(node.name.text);
    if (first) {
      diagnostics.push({
        code: 'duplicate-name',
        severity: 'error',
        message: `a system named '${node.name.text}' is already declared in this file; rename one of them`,
        range: node.name.range,
        related: [{ message: `'${node.name.text}' is first declared here`, range: first }],
        data: { first },
      });
    } else seen.set(node.name.text, node.name.range);
    systems.push(buildSystem(node, ast, text, diagnostics));
  }
  return { systems, diagnostics };
}

function buildSystem(node: SystemNode, ast: FileNode, text: string, diagnostics: Diagnostic[]): SystemModel {
  const system: SystemModel = {
    name: node.name!.text,
    label: node.label?.value,
    range: node.range,
    nameRange: node.name!.range,
    maxUtilisation: defaultValue<number>('system', 'max-utilisation'),
    direction: defaultValue<'right' | 'down'>('system', 'direction'),
    components: [],
    componentsByName: new Map(),
    groups: [],
    groupsByName: new Map(),
    edges: [],
    dependencies: new Map(),
    lint: new Map(),
    ignores: [],
    propertyRanges: new Map(),
  };
  const declared = new Map<string, Declared>();
  const declare = (name: { text: string; range: Range }, kind: Declared['kind']): boolean => {
    const first = declared.get(name.text);
    if (first) {
      diagnostics.push({
        code: 'duplicate-name',
        severity: 'error',
        message: `'${name.text}' is already declared in system '${system.name}' (as a ${first.kind}); names are unique across components, zones and regions`,
        range: name.range,
        related: [{ message: `'${name.text}' is first declared here`, range: first.range }],
        data: { first: first.range },
      });
      return false;
    }
    declared.set(name.text, { kind, range: name.range });
    return true;
  };

  // Pass 1: walk the members, declaring groups and components in order.
  const componentNodes: { node: ComponentNode; region?: GroupModel; zone?: GroupModel }[] = [];
  const edgeNodes: MemberNode[] = [];
  const walk = (members: MemberNode[], region?: GroupModel, zone?: GroupModel, inGroup?: GroupNode) => {
    for (const m of members) {
      switch (m.kind) {
        case 'component':
          if (m.name && declare(m.name, 'component')) componentNodes.push({ node: m, region, zone });
          break;
        case 'group': {
          if (inGroup && (m.type === 'region' || inGroup.type === 'zone')) {
            diagnostics.push({
              code: 'syntax',
              severity: 'error',
              message: `a ${m.type} cannot sit inside a ${inGroup.type}: regions hold zones, and zones hold components`,
              range: m.keyword,
            });
          }
          let group: GroupModel | undefined;
          if (m.name && declare(m.name, m.type)) {
            const props = readProperties(m.members.filter((x) => x.kind === 'property'), 'group', diagnostics);
            group = {
              name: m.name.text,
              type: m.type,
              label: m.label?.value,
              availability: props.values.get('availability') as number | undefined,
              parent: m.type === 'zone' ? region?.name : undefined,
              zones: [],
              range: m.range,
              nameRange: m.name.range,
            };
            if (m.type === 'zone' && region) region.zones.push(group.name);
            system.groups.push(group);
            system.groupsByName.set(group.name, group);
          }
          const isRegion = m.type === 'region';
          walk(m.members, isRegion ? group ?? region : region, isRegion ? zone : group ?? zone, m);
          break;
        }
        case 'edge':
          edgeNodes.push(m);
          break;
        case 'lint':
          if (inGroup) {
            diagnostics.push({ code: 'syntax', severity: 'error', message: "a 'lint' block goes directly in a system, not in a zone or region", range: m.keyword });
          } else readLint(m.properties, system, diagnostics);
          break;
        case 'property':
          break; // Read below, per place.
      }
    }
  };
  walk(node.members);

  const systemProps = readProperties(node.members.filter((m) => m.kind === 'property'), 'system', diagnostics);
  system.slo = systemProps.values.get('slo') as number | undefined;
  system.sla = systemProps.values.get('sla') as number | undefined;
  system.latencySlo = systemProps.values.get('latency-slo') as number | undefined;
  system.maxUtilisation = (systemProps.values.get('max-utilisation') as number | undefined) ?? system.maxUtilisation;
  system.direction = (systemProps.values.get('direction') as 'right' | 'down' | undefined) ?? system.direction;
  system.propertyRanges = systemProps.ranges;

  // Pass 2: components (their zones may name zones declared later).
  for (const { node: c, region, zone } of componentNodes) {
    const component = buildComponent(c, system, declared, diagnostics, region, zone);
    system.components.push(component);
    system.componentsByName.set(component.name, component);
  }
  buildEdges(edgeNodes, system, declared, diagnostics);
  system.ignores = collectIgnores(node, ast.comments, text, diagnostics);
  return system;
}

function readLint(props: PropertyNode[], system: SystemModel, diagnostics: Diagnostic[]): void {
  for (const prop of props) {
    const code = prop.key.text;
    if (!isDiagnosticCode(code)) {
      const suggestion = closest(code, CODES.map((c) => c.code));
      diagnostics.push({
        code: 'unknown-property',
        severity: 'error',
        message: `'${code}' is not a diagnostic code${didYouMean(suggestion)}`,
        range: prop.key.range,
        data: suggestion ? { suggestion } : undefined,
      });
      continue;
    }
    const value = prop.values[0];
    const severity = value?.type === 'name' ? value.value : undefined;
    if (prop.values.length !== 1 || !severity || !(LINT_SEVERITIES as readonly string[]).includes(severity)) {
      if (prop.hasColon && prop.values.length === 0) continue; // Reported by the parser.
      const suggestion = severity ? closest(severity, LINT_SEVERITIES) : undefined;
      diagnostics.push({
        code: 'invalid-value',
        severity: 'error',
        message: `'${code}' takes one of error, warning, info, hint or off${prop.values.length ? `, not ${prop.values.map((v) => v.raw).join(', ')}` : ''}${didYouMean(suggestion)}`,
        range: prop.values.length ? { start: prop.values[0].range.start, end: prop.values[prop.values.length - 1].range.end } : prop.key.range,
        data: suggestion && prop.values.length === 1 ? { suggestion, fix: replaceFix(`Change to '${suggestion}'`, prop.values[0].range, suggestion) } : undefined,
      });
      continue;
    }
    system.lint.set(code, severity as Severity | 'off');
  }
}
