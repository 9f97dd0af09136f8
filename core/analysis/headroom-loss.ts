/**
 * What a headroom figure assumes was lost (docs/language.md §7). A tagged
 * union rather than a bare name, so a zone that happens to be called
 * `instance` is still described as a zone: the kind of loss is data, never
 * inferred from the name.
 */
export type HeadroomLoss =
  /** One instance of the component itself. */
  | { kind: 'instance' }
  /** The zone holding most of the component's instances. */
  | { kind: 'zone'; name: string }
  /** The region holding most of the component's instances. */
  | { kind: 'region'; name: string }
  /** The busiest other member of an alternatives group the component belongs to. */
  | { kind: 'alternative'; name: string };

/** The loss as the object of "losing …": `one instance`, `zone 'use1-a'`, `region 'eu'`, `alternative 'b2'`. */
export function describeLoss(loss: HeadroomLoss): string {
  switch (loss.kind) {
    case 'instance':
      return 'one instance';
    case 'zone':
      return `zone '${loss.name}'`;
    case 'region':
      return `region '${loss.name}'`;
    case 'alternative':
      return `alternative '${loss.name}'`;
  }
}
