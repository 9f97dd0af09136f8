/**
 * The custom protocol is declared once, in protocol/, as typed descriptors.
 * These tests check what a user would notice if that broke: two messages
 * sharing a method name (one handler would answer the other's requests), or
 * a message outside the `sysd/` namespace. The `@ts-expect-error` lines are
 * checked by `npm run typecheck`: they fail it if a descriptor stops carrying
 * its parameter or result type.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as protocol from '../../protocol/index';
import { ExportSvgRequest, ReportRequest, StatusNotification, type StatusParams } from '../../protocol/requests';
import type { ParamsOf, ResultOf, Request } from '../../protocol/message';

const descriptors = Object.entries(protocol).filter(
  (entry): entry is [string, { method: string }] => typeof entry[1] === 'object' && entry[1] !== null && 'method' in entry[1],
);

test('every custom message is declared once, under sysd/', () => {
  assert.ok(descriptors.length >= 3, 'the report, SVG export and status messages are declared');
  const methods = descriptors.map(([, d]) => d.method);
  for (const method of methods) assert.match(method, /^sysd\/[a-zA-Z/]+$/);
  assert.equal(new Set(methods).size, methods.length, `a method is declared twice: ${methods.join(', ')}`);
});

test('a descriptor carries its parameter and result types', () => {
  const send = <P, R>(_type: Request<P, R>, _params: P): R | undefined => undefined;
  send(ReportRequest, { uri: 'file:///a.sysd' });
  // @ts-expect-error The report request needs the document's uri.
  send(ReportRequest, { system: 'checkout' });
  const svg: ResultOf<typeof ExportSvgRequest> | undefined = send(ExportSvgRequest, { uri: 'file:///a.sysd', system: 'checkout' });
  // @ts-expect-error The SVG export's result is not the report's.
  const wrong: ResultOf<typeof ReportRequest> | undefined = send(ExportSvgRequest, { uri: 'file:///a.sysd' });
  const status: ParamsOf<typeof StatusNotification> = { uri: 'u', version: 1, systems: [], errors: 0, warnings: 0, analysisMs: 1 } satisfies StatusParams;
  assert.equal(svg ?? wrong ?? undefined, undefined);
  assert.equal(status.version, 1);
});
