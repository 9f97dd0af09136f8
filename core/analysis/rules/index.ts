/** Every lint rule, registered once. Order is the order findings are produced in. */
import type { AnyRule } from './rule';
import { noEntry } from './no-entry';
import { spof } from './spof';
import { zoneSpof } from './zone-spof';
import { noReplica } from './no-replica';
import { asyncReplication } from './async-replication';
import { crossRegionSync } from './cross-region-sync';
import { coldStandby } from './cold-standby';
import { statefulScaleOut } from './stateful-scale-out';
import { overload } from './overload';
import { hot } from './hot';
import { noHeadroom } from './no-headroom';
import { cacheFailureOverload } from './cache-failure-overload';
import { noCapacity } from './no-capacity';
import { sloUnmet } from './slo-unmet';
import { slaAboveSlo } from './sla-above-slo';
import { latencySloUnmet } from './latency-slo-unmet';
import { syncCycle } from './sync-cycle';
import { unreachable } from './unreachable';
import { noBreaker } from './no-breaker';

export const RULES: readonly AnyRule[] = [
  noEntry, spof, zoneSpof, noReplica, asyncReplication, crossRegionSync, coldStandby, statefulScaleOut,
  overload, hot, noHeadroom, cacheFailureOverload, noCapacity, sloUnmet, slaAboveSlo, latencySloUnmet,
  syncCycle, unreachable, noBreaker,
];
