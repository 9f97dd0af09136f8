/**
 * Runs one completion in a worker thread, so a test can give up on it (a
 * safety net, not a measure) if it never returns. workerData: { text, offset }.
 * The last analysis is faked from a parse of the same text, as the server's
 * document store would hold it once the file is analysed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parse } from '../../grammar/parse';
import { LineIndex } from '../../server/convert';
import { completion } from '../../server/features/completion';

const { text, offset } = workerData as { text: string; offset: number };
const ast = parse(text).ast;
const snapshot = { uri: 'file:///scale.sysd', version: 1, text, lines: new LineIndex(text), analysis: { ast }, durationMs: 0 } as any;
const list = completion(text, offset, snapshot) as ReturnType<typeof completion> | ReturnType<typeof completion>['items'];
const items = Array.isArray(list) ? list : list.items;
parentPort!.postMessage({ isIncomplete: !Array.isArray(list) && list.isIncomplete, labels: items.map((i) => i.label) });
