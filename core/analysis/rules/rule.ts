/**
 * The shape of a lint rule: one small function per diagnostic code that
 * reads the model and the computed figures and reports findings. Severity is
 * not chosen here: it comes from core/codes.ts and the system's `lint` block.
 */
import type { DiagnosticCode } from '../../codes';
import type { Range, RelatedInfo } from '../../diagnostic';
import type { FindingData } from '../../finding-data';
import type { EdgeModel, SystemModel } from '../../model/types';
import type { AvailabilityResult } from '../availability';
import type { CapacityResult } from '../capacity';
import type { LatencyResult } from '../latency';
import type { EntryFigures, SystemFigures } from '../types';

/** What a rule for code `C` is given; it reports findings with the data of `C` (core/finding-data.ts). */
export interface RuleContext<C extends DiagnosticCode = DiagnosticCode> {
  system: SystemModel;
  availability: AvailabilityResult;
  capacity: CapacityResult;
  latency: LatencyResult;
  /** The figures and verdicts surfaces show, so a rule reports exactly what they say. */
  figures: Pick<SystemFigures, 'availability' | 'sloVerdict'> & { entries: EntryFigures[] };
  /** Per component, in system.components order: the entries that reach it along any edge. */
  reachedBy: readonly string[][];
  /** Per component, in system.components order: the entries that need it, along non-optional `->` edges only. */
  neededBy: readonly string[][];
  /** The cycles of non-optional `->` edges, as `findCycles` lists them. */
  syncCycles: EdgeModel[][];
  /**
   * True when a `sysd-ignore` for this rule's code covers `range`: the finding
   * would be dropped, so a rule checks this before it formats the message.
   */
  silenced(range: Range): boolean;
  report(finding: { range: Range; message: string; related?: RelatedInfo[]; data?: FindingData<C> }): void;
}

export interface Rule<C extends DiagnosticCode = DiagnosticCode> {
  code: C;
  run(ctx: RuleContext<C>): void;
}

/** A rule of any code, each with its own data type. */
export type AnyRule = { [C in DiagnosticCode]: Rule<C> }[DiagnosticCode];

/** "a, b and c", with a cap so a long blast radius stays readable. */
export function listNames(names: string[], max = 4): string {
  const quoted = names.map((n) => `'${n}'`);
  if (quoted.length <= 1) return quoted.join('');
  if (quoted.length > max) return `${quoted.slice(0, max).join(', ')} and ${quoted.length - max} more`;
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
