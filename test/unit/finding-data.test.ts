/**
 * Typed contracts: every diagnostic code is a member of one string-literal
 * union, and the data a finding carries is typed per code, so a rule that
 * reports the wrong data, or a misspelt code, does not compile (`npm test`
 * type-checks first; the `@ts-expect-error` lines fail it if they stop being
 * errors). At run time: the fixes read the typed data, so each sizing
 * finding's fix is the size core computed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DiagnosticCode } from '../../core/codes';
import { hasCode, type Diagnostic } from '../../core/diagnostic';
import type { FindingData } from '../../core/finding-data';
import { analyseText } from '../../core/index';
import { fixesFor } from '../../core/fixes';
import { LineIndex } from '../../core/line-index';

const range = { start: 0, end: 1 };

test('the codes and their data are checked by the compiler', () => {
  const spof: Diagnostic<'spof'> = { code: 'spof', severity: 'warning', message: 'm', range, data: { component: 'api', replicas: 2, entries: ['web'] } };
  // @ts-expect-error A spof finding names its component and entries.
  const incomplete: Diagnostic<'spof'> = { code: 'spof', severity: 'warning', message: 'm', range, data: { replicas: 2 } };
  // @ts-expect-error `no-capacity` carries no data.
  const extra: Diagnostic<'no-capacity'> = { code: 'no-capacity', severity: 'hint', message: 'm', range, data: { component: 'api' } };
  // @ts-expect-error Codes are a closed union: a misspelt one is not a code.
  const misspelt: DiagnosticCode = 'spfo';
  const loss: FindingData<'no-headroom'>['loss'] = { kind: 'zone', name: 'instance' };
  // @ts-expect-error A headroom loss says what kind of thing was lost; a bare name is not one.
  const bare: FindingData<'no-headroom'>['loss'] = 'instance';
  void [incomplete, extra, misspelt, bare];
  assert.equal(spof.data?.component, 'api');
  assert.equal(loss?.kind, 'zone');
});

test('a narrowed finding gives its typed data, which the fix uses as is', () => {
  const text = `system s {\n  users web { rps: 100; peak: 250 }\n  service api { replicas: 2; capacity: 100 rps }\n  web -> api\n}\n`;
  const analysis = analyseText(text);
  const overload = analysis.diagnostics.find((d): d is Diagnostic<'overload'> => hasCode(d, 'overload'));
  assert.ok(overload?.data?.replicas !== undefined, 'core sized the fix');
  const fixes = fixesFor({ text, lines: new LineIndex(text), analysis }, overload);
  assert.equal(fixes[0].title.startsWith(`Set replicas: ${overload.data.replicas} on 'api'`), true, fixes[0].title);
});
