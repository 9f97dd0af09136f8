/**
 * Runs every analysis of one system and the lint rules over the results,
 * then applies the system's `lint` severities and `sysd-ignore` comments.
 *
 * The edges are gathered once (`systemGraph`) and shared: capacity and
 * "reached by" read every edge, latency, the sync-cycle rule and "needed by"
 * read the non-optional `->` edges, and latency's search is the one the cycle
 * listing needs. Figures are kept by component index and looked up by name
 * only where the result is a name-keyed Map.
 */
import { codeSpec, type DiagnosticCode } from '../codes';
import type { Diagnostic } from '../diagnostic';
import { applyIgnores, ignoreIndex } from '../model/ignores';
import type { SystemModel } from '../model/types';
import { computeAvailability } from './availability';
import { AnalysisBudget, type WorkLimits } from './availability/work';
import { computeCapacity } from './capacity';
import { downtime } from './downtime';
import { cyclesOf, entriesReaching, entryRoots, allRoots, searchFrom, systemGraph } from './graph';
import { computeLatency } from './latency';
import { RULES } from './rules';
import type { RuleContext } from './rules/rule';
import type { ComponentFigures, EntryFigures, SystemFigures } from './types';
import { exactAvailability, type AvailabilityFigure } from '../figure';
import { availabilityVerdict, combineVerdicts, latencyVerdict, utilisationLevel } from './verdict';

export interface AnalyseSystemOptions extends WorkLimits {
  /** The analysis's one work budget, shared by every system of the file or model (availability/work.ts). */
  work?: AnalysisBudget;
}

export function analyseSystem(system: SystemModel, options: AnalyseSystemOptions = {}): SystemFigures {
  const availability = computeAvailability(system, { ...options, work: options.work ?? new AnalysisBudget(options) });
  const graph = systemGraph(system);
  const capacity = computeCapacity(system, { isCancelled: options.isCancelled, graph });
  const requiredSearch = searchFrom(graph.required, allRoots(system));
  const latency = computeLatency(system, searchFrom(graph.calls, allRoots(system)));
  const entries = entryRoots(system);
  const reachedBy = entriesReaching(graph.all, entries);
  // "Needed" is the requirement groups' reach (requirements.ts), the same the SPOF analysis reads.
  const needs = availability.serviceGraph;
  const neededBy = entriesReaching({ ...graph.required, first: needs.succStart, target: needs.succ }, entries);
  const syncCycles = cyclesOf(requiredSearch);

  const sys = availability.system;
  const a: AvailabilityFigure | undefined =
    sys.availability === undefined ? undefined : { value: sys.availability, unavailability: sys.unavailability ?? 1 - sys.availability, exactness: sys.exactness };
  const d = a === undefined ? undefined : downtime(a.unavailability);
  const entryFigures: EntryFigures[] = system.components
    .filter((c) => c.isEntry)
    .map((c) => {
      const e = availability.entries.get(c.name);
      const l = latency.entries.get(c.name);
      const entryLatency = l?.latency ?? 0;
      return {
        name: c.name,
        availability: e ? { value: e.availability, unavailability: e.unavailability, exactness: e.exactness } : exactAvailability(1, 0),
        latency: entryLatency,
        latencyVerdict: system.latencySlo === undefined ? undefined : latencyVerdict(entryLatency, system.latencySlo),
        latencyPath: l?.path ?? [c.name],
        rps: c.rps,
        peak: c.peak,
      };
    });
  const sloVerdict = a === undefined || system.slo === undefined ? undefined : availabilityVerdict(a, system.slo);

  const ignored = system.ignores.length === 0 ? undefined : ignoreIndex(system.ignores);
  const findings: Diagnostic[] = [];
  for (const rule of RULES) {
    const severity = system.lint.get(rule.code) ?? codeSpec(rule.code)!.severity;
    if (severity === 'off') continue;
    const ctx: RuleContext = {
      system,
      availability,
      capacity,
      latency,
      figures: { availability: a, sloVerdict, entries: entryFigures },
      reachedBy,
      neededBy,
      syncCycles,
      silenced: (range) => ignored !== undefined && ignored(rule.code, range.start),
      report: (f) => findings.push({ code: rule.code as DiagnosticCode, severity, ...f }),
    };
    try {
      rule.run(ctx);
    } catch (error) {
      // A rule bug must not hide the other findings; say what failed instead.
      findings.push({
        code: rule.code,
        severity: 'error',
        message: `internal error in rule '${rule.code}': ${error instanceof Error ? error.message : String(error)}`,
        range: system.nameRange,
      });
    }
  }

  const components: ComponentFigures[] = system.components.map((c, i) => {
    const cap = capacity.figures[i];
    return {
      name: c.name,
      instanceAvailability: availability.instanceAvailability.get(c.name) ?? c.availability,
      availability: availability.componentAvailability.get(c.name) ?? (c.isEntry ? 1 : c.availability),
      unavailability: availability.componentUnavailability.get(c.name) ?? (c.isEntry ? 0 : 1 - c.availability),
      load: cap?.load ?? 0,
      peakLoad: cap?.peakLoad ?? 0,
      capacity: cap?.capacity,
      utilisation: cap?.utilisation,
      utilisationLevel: cap?.utilisation === undefined ? undefined : utilisationLevel(cap.utilisation, system.maxUtilisation),
      headroomUtilisation: cap?.headroomUtilisation,
      headroomLoss: cap?.headroomLoss,
      cacheFailureUtilisation: cap?.cacheFailureUtilisation,
      latency: latency.onward[i] ?? 0,
      spof: (availability.spof.get(c.name)?.length ?? 0) > 0,
      breaks: availability.breaks.get(c.name) ?? [],
      reachedBy: reachedBy[i] ?? [],
    };
  });

  return {
    name: system.name,
    availability: a,
    sloVerdict,
    latencySloVerdict: combineVerdicts(entryFigures.flatMap((e) => (e.latencyVerdict ? [e.latencyVerdict] : []))),
    downtimePerYear: d?.year,
    downtimePerMonth: d?.month,
    downtimePerWeek: d?.week,
    slo: system.slo,
    sla: system.sla,
    latencySlo: system.latencySlo,
    entries: entryFigures,
    components,
    groups: system.groups.map((g) => ({ name: g.name, type: g.type, availability: g.availability, breaks: availability.zoneSpof.get(g.name) ?? [] })),
    diagnostics: applyIgnores(findings, system.ignores),
  };
}
