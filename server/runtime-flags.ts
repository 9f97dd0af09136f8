/**
 * How the language server's Node process is started.
 *
 * Analysing a model allocates its tokens, syntax tree, model and figures afresh
 * on every edit (about 16 MB for a 1,000-component model), and most of it stays
 * alive until the analysis ends. With V8's default 16 MB semi-space a
 * young-generation collection lands inside almost every analysis and copies
 * everything built so far. With a 64 MB semi-space (the young generation grows
 * to it only under such load) most analyses run without a collection: for the
 * 1,000-component bench model, analyseText's steady-state median goes from
 * ~40 ms to ~14 ms and lex + parse + model from ~27 ms to ~9 ms on this 2-core
 * machine. Node documents this flag for allocation-heavy workloads; `npm run
 * bench` runs its cases with the same flags, so it measures this process.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=64'];
