/**
 * `sysd/whatIf` through the real server: the preview's failure toggles get
 * core's consequence, formatted, for the version the server analysed, and a
 * malformed request gets an answer rather than an exception.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { WhatIfRequest } from '../../protocol/what-if';
import { ROOT, TestClient } from './harness';

let client: TestClient;
before(async () => (client = await TestClient.start()));
after(async () => client.stop());

const uri = 'file:///what-if/multi-region.sysd';
const text = readFileSync(`${ROOT}/examples/multi-region.sysd`, 'utf8');

describe('sysd/whatIf', () => {
  test('failing a region answers with the lost components, the unserved entry and formatted figures', async () => {
    await client.open(uri, text);
    const r = await client.send(WhatIfRequest, { uri, version: 1, failed: { components: [], groups: ['us-east'] } });
    assert.equal(r.version, 1);
    assert.equal(r.system, 'catalogue');
    assert.deepEqual(r.lost, ['editors', 'admin', 'us-lb', 'us-api', 'us-cache', 'us-db']);
    assert.deepEqual(r.unservedEntries, ['editors']);
    assert.equal(r.summary, 'region us-east down: editors no longer served; apps still served; nothing over capacity (busiest: eu-api at 83%); new SPOF: region eu-west');
    assert.deepEqual(r.zoneSpofs, ['eu-west']);
    const euApi = r.components.find((c) => c.name === 'eu-api')!;
    assert.equal(euApi.utilisation, '83%');
    assert.equal(euApi.hot, true, 'above the 60% max-utilisation');
    assert.equal(euApi.overloaded, false);
    assert.equal(euApi.peakLoad, '40k rps');
    assert.equal(euApi.instances, '12 of 12 instances');
    assert.equal(r.entries.find((e) => e.name === 'editors')!.availability, '0%');
  });

  test('after an edit, the answer is computed from the new text and names its version', async () => {
    // The EU API halved: with the US load balancer down it carries the whole 40k peak on 6 × 4k.
    const euHalved = text.replace(/(service eu-api[^{]*\{\s*)replicas: 12/, '$1replicas: 6');
    assert.notEqual(euHalved, text);
    const version = await client.change(uri, [{ text: euHalved }]);
    await client.waitForDiagnostics(uri, version);
    const r = await client.send(WhatIfRequest, { uri, version, failed: { components: ['us-lb'], groups: [] } });
    assert.equal(r.version, version);
    assert.deepEqual(r.lost, ['us-lb']);
    assert.equal(r.summary, 'us-lb down: apps and editors still served; eu-api at 167% of capacity; new SPOF: region eu-west');
    assert.equal(r.components.find((c) => c.name === 'eu-api')!.overloaded, true);
  });

  test('an unknown document or system, or a malformed request, gets an answer that says why', async () => {
    const missing = await client.send(WhatIfRequest, { uri: 'file:///nowhere.sysd', failed: { components: [], groups: [] } });
    assert.match(missing.error ?? '', /not open/);
    const wrongSystem = await client.send(WhatIfRequest, { uri, system: 'nope', failed: { components: [], groups: [] } });
    assert.match(wrongSystem.error ?? '', /no system named 'nope'/);
    const malformed = await client.request('sysd/whatIf', { uri, failed: { components: 'api', groups: [42] } });
    assert.equal(malformed.error, undefined);
    assert.deepEqual(malformed.lost, []);
    assert.match(malformed.summary, /^nothing failed/);
    const flood = Array.from({ length: 50_000 }, (_, i) => `ghost-${i}`);
    const flooded = await client.send(WhatIfRequest, { uri, failed: { components: [...flood, 'x'.repeat(100_000)], groups: [] } });
    assert.equal(flooded.unknown.length, 10_000, 'at most PREVIEW_LIMITS.failed names are read');
    assert.match(flooded.summary, /not in the model: ghost-0, ghost-1, ghost-2 and 9997 more$/);
  });
});
