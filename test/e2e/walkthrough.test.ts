/**
 * The first-run walkthrough (package.json contributes.walkthroughs): every
 * step names the command it offers and shows a picture that ships with the
 * extension. The pictures come from test/e2e/walkthrough-images.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './e2e-env';

interface Step { id: string; title: string; description: string; media: { image?: string; altText?: string } }
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const walkthroughs = manifest.contributes.walkthroughs as { id: string; steps: Step[] }[];
const commands = new Set<string>((manifest.contributes.commands as { command: string }[]).map((c) => c.command));

test('the walkthrough opens an example, shows figures and preview, fails a zone and runs sysd check', () => {
  assert.equal(walkthroughs.length, 1);
  assert.deepEqual(walkthroughs[0].steps.map((s) => s.id), ['open-example', 'see-figures', 'open-preview', 'fail-a-zone', 'check-in-ci']);
});

test('every walkthrough step offers a command and shows a picture that ships in the .vsix', () => {
  const shipped = readFileSync(join(ROOT, '.vscodeignore'), 'utf8');
  assert.match(shipped, /^!media\/\*\*$/m, '.vscodeignore leaves media/ out of the .vsix');
  for (const step of walkthroughs[0].steps) {
    const links = [...step.description.matchAll(/\]\(command:([\w.]+)\)/g)].map((m) => m[1]);
    assert.ok(links.length > 0, `${step.id} offers no command`);
    for (const link of links.filter((l) => l.startsWith('sysd.'))) assert.ok(commands.has(link), `${step.id} links to ${link}, which is not contributed`);
    const image = step.media.image;
    assert.ok(image && existsSync(join(ROOT, image)), `${step.id} has no picture at ${image}`);
    assert.ok(statSync(join(ROOT, image)).size > 10_000, `${image} is nearly empty`);
    assert.ok(step.media.altText, `${step.id} has no alt text`);
  }
});
