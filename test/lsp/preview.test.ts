/**
 * `sysd/previewDiagram` through the real server, as the panel asks for it
 * after each analysis: the diagram of the version analysed, positions kept
 * when only figures change, no diagram (and its version) while the text does
 * not parse, and an answer rather than an exception for malformed params.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PreviewDiagramRequest } from '../../protocol/preview';
import { ROOT, TestClient } from './harness';

let client: TestClient;
before(async () => (client = await TestClient.start()));
after(async () => client.stop());

const uri = 'file:///preview/checkout.sysd';
const text = readFileSync(`${ROOT}/examples/checkout.sysd`, 'utf8');
const translates = (svg: string) => [...svg.matchAll(/data-sysd="component" data-name="([^"]+)"[^>]*transform="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);

describe('sysd/previewDiagram', () => {
  test('draws the analysed version; a figures-only edit keeps every position; broken text draws nothing', async () => {
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, 1);
    const first = await client.send(PreviewDiagramRequest, { uri });
    assert.equal(first.version, 1);
    assert.equal(first.parses, true);
    assert.equal(first.system, 'checkout');
    assert.match(first.svg ?? '', /^<svg /);
    assert.doesNotMatch(first.svg!, /<style/);
    assert.equal(first.elements.filter((e) => e.kind === 'component').length, 10);

    const v2 = await client.change(uri, [{ text: text.replace('capacity: 2500 rps', 'capacity: 2000 rps') }]);
    await client.waitForDiagnostics(uri, v2);
    const second = await client.send(PreviewDiagramRequest, { uri });
    assert.equal(second.version, v2);
    assert.equal(second.layout, 'reused');
    assert.deepEqual(translates(second.svg!), translates(first.svg!));

    const v3 = await client.change(uri, [{ text: text.replace('service api "Checkout API" {', 'service api "Checkout API {') }]);
    await client.waitForDiagnostics(uri, v3);
    const broken = await client.send(PreviewDiagramRequest, { uri });
    assert.equal(broken.parses, false);
    assert.equal(broken.version, v3);
    assert.equal(broken.svg, undefined);
  });

  test('an unknown document or malformed params get an answer', async () => {
    const missing = await client.send(PreviewDiagramRequest, { uri: 'file:///nowhere.sysd' });
    assert.match(missing.error ?? '', /not open/);
    const malformed = await client.request('sysd/previewDiagram', { uri: 42, system: { x: 1 } });
    assert.match((malformed as { error?: string }).error ?? '', /not open/);
  });
});
