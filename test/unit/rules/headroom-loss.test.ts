/**
 * The loss a headroom finding names is typed data, not a name compared with
 * the word 'instance': a zone called `instance` is still a zone.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText } from '../../../core/index';

const headroomMessage = (text: string) => analyseText(text).diagnostics.find((d) => d.code === 'no-headroom')?.message;

describe('no-headroom names what was lost', () => {
  test('a zone named `instance` is reported as a zone, not as "one instance"', () => {
    const text = `system s {
  max-utilisation: 95%
  zone instance
  zone other
  users web { rps: 100; peak: 150 }
  service api { replicas: 3; capacity: 100 rps; zones: instance, other }
  web -> api
}`;
    const message = headroomMessage(text);
    assert.ok(message, 'no-headroom reported');
    assert.match(message, /losing zone 'instance' puts it at 150%/);
    assert.doesNotMatch(message, /one instance/);
  });

  test('losing one instance is said so when it is the worse loss', () => {
    const text = `system s {
  max-utilisation: 95%
  users web { rps: 100; peak: 210 }
  service api { replicas: 3; capacity: 100 rps }
  web -> api
}`;
    assert.match(headroomMessage(text) ?? '', /losing one instance puts it at 105%/);
  });
});
