/**
 * The machine-readable detail each diagnostic code carries (`data`), typed
 * per code, declared once. Rules and the model builder produce it; the fixes
 * (core/fixes.ts) read it through `asFinding`, narrowed by the code, with
 * no re-checking of types: the server matches each diagnostic the editor
 * sends back to a finding of its current analysis, so the data is always
 * core's own. Over LSP and in the CLI's JSON it travels as plain JSON.
 */
import type { DiagnosticCode } from './codes';
import type { Diagnostic, Range, SuggestedFix } from './diagnostic';
import type { HeadroomLoss } from './analysis/headroom-loss';

/** What a diagnostic proposes itself: the preferred edit, equal choices, and whether the edit is surely what was meant (core/cascade.ts). */
export interface ProposedEdits {
  fix?: SuggestedFix;
  fixes?: SuggestedFix[];
  meant?: true;
}

/**
 * A sizing finding: the component, and the size core computed that clears it
 * (`SizingFix` of core/analysis/capacity.ts: replicas, or for an
 * active-passive component a per-instance capacity; nothing past the cap).
 */
type Sized = { component: string } & (
  | { replicas: number; utilisationAfter: number; capacity?: undefined }
  | { capacity: number; replicas?: undefined; utilisationAfter?: undefined }
  | { replicas?: undefined; capacity?: undefined; utilisationAfter?: undefined }
);

export interface FindingDataByCode {
  syntax: ProposedEdits;
  'unknown-reference': { name: string; suggestion?: string; after?: string; isGroup?: boolean };
  'duplicate-name': { first: Range };
  'unknown-property': { suggestion?: string; meant?: true };
  'invalid-value': ProposedEdits & { suggestion?: string };
  spof: { component: string; replicas?: number; entries: string[] };
  'zone-spof': { group: string; components: string[]; zones: string[]; entries: string[] };
  'no-replica': { component: string; replicas: number };
  overload: Sized & { utilisation?: number };
  hot: Sized;
  'no-headroom': Sized & { loss?: HeadroomLoss };
  'cache-failure-overload': Sized & { cache?: string };
  'no-breaker': { edge: number; statementRange: Range };
}

/** The data of code `C`: `never` for a code that carries none. */
export type FindingData<C extends DiagnosticCode> = C extends keyof FindingDataByCode ? FindingDataByCode[C] : never;

/** A finding as a union discriminated by its code, so a `switch` on the code narrows the data. */
export type Finding = { [C in DiagnosticCode]: { code: C; range: Range; data?: FindingData<C> } }[DiagnosticCode];

/**
 * A diagnostic as a `Finding`. Every diagnostic is built with the data of its
 * code (the `Diagnostic` type checks that at each place one is made); this
 * only restates it in the discriminated form.
 */
export function asFinding(d: Pick<Diagnostic, 'code' | 'range' | 'data'>): Finding {
  return d as Finding;
}
