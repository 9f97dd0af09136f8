/**
 * The workspace index (server/workspace-files.ts) without a server, by the
 * work it counts (issue 16.4): one walk of the folder whatever the number of
 * requests, a file parsed again only when it changed, and no file parsed
 * past the size limits, so a folder of huge models cannot exhaust memory.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LIMITS, WorkspaceFiles } from '../../server/workspace-files';
import { workspaceSymbols } from '../../server/features/symbols';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sysd-index-'));
  dirs.push(dir);
  return dir;
}

const model = (name: string, services: number) =>
  `system ${name} {\n${Array.from({ length: services }, (_, i) => `  service ${name}-svc-${i} { replicas: 2; capacity: 5k rps }\n`).join('')}}\n`;

describe('workspace index', () => {
  test('a folder of 3,000 files is walked once; requests and unchanged files cost nothing more', async () => {
    const dir = folder();
    for (let d = 0; d < 30; d++) {
      mkdirSync(join(dir, `d${d}`));
      for (let f = 0; f < 100; f++) writeFileSync(join(dir, `d${d}`, `f${f}.txt`), 'x');
    }
    writeFileSync(join(dir, 'd7', 'a.sysd'), model('alpha', 3));
    writeFileSync(join(dir, 'd9', 'b.sysd'), model('beta', 3));
    const index = new WorkspaceFiles();
    index.setFolders([pathToFileURL(dir).href]);
    await index.idle();
    assert.deepEqual({ ...index.stats }, { directoriesRead: 31, filesParsed: 2, bytesParsed: model('alpha', 3).length + model('beta', 3).length, filesSkipped: 0 });
    for (let i = 0; i < 20; i++) assert.equal(workspaceSymbols(index.symbols(new Set()), 'svc').length, 6);
    // A watcher event for a file that did not change re-reads its time, not its text.
    index.changed([{ uri: pathToFileURL(join(dir, 'd7', 'a.sysd')).href, type: 2 }]);
    await index.idle();
    assert.equal(index.stats.directoriesRead, 31);
    assert.equal(index.stats.filesParsed, 2);
    // A changed file is parsed again, and only it.
    writeFileSync(join(dir, 'd7', 'a.sysd'), model('alpha', 5));
    utimesSync(join(dir, 'd7', 'a.sysd'), new Date(), new Date(Date.now() + 5000));
    index.changed([{ uri: pathToFileURL(join(dir, 'd7', 'a.sysd')).href, type: 2 }]);
    await index.idle();
    assert.equal(index.stats.filesParsed, 3);
    assert.equal(workspaceSymbols(index.symbols(new Set()), 'alpha-svc').length, 5);
  });

  test('45 models over the size limit are not parsed; the small one is', async () => {
    const dir = folder();
    // The 45 files of 4.9 MB, scaled to just over the per-file limit so the test writes 50 MB, not 220 MB.
    const huge = model('huge', Math.ceil(LIMITS.maxFileBytes / 50) + 10);
    assert.ok(huge.length > LIMITS.maxFileBytes);
    for (let i = 0; i < 45; i++) writeFileSync(join(dir, `huge-${i}.sysd`), huge);
    writeFileSync(join(dir, 'small.sysd'), model('small', 2));
    const index = new WorkspaceFiles();
    index.setFolders([pathToFileURL(dir).href]);
    await index.idle();
    assert.equal(index.stats.filesSkipped, 45);
    assert.equal(index.stats.bytesParsed, model('small', 2).length);
    assert.deepEqual(workspaceSymbols(index.symbols(new Set()), '').map((s) => s.name).sort(), ['small', 'small-svc-0', 'small-svc-1']);
  });

  test('the source kept in all is bounded', async () => {
    const dir = folder();
    for (let i = 0; i < 5; i++) writeFileSync(join(dir, `m${i}.sysd`), model(`m${i}`, 60));
    const size = model('m0', 60).length;
    const index = new WorkspaceFiles({ ...LIMITS, maxTotalBytes: 2 * size + 10 });
    index.setFolders([pathToFileURL(dir).href]);
    await index.idle();
    assert.equal(index.stats.filesParsed, 2);
    assert.equal(index.stats.filesSkipped, 3);
  });
});
