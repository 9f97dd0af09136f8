/**
 * How the language server's Node process is started. Analysing a model
 * allocates its tokens, syntax tree and model afresh on every edit, all alive
 * until the analysis ends; with V8's default 16 MB semi-space a young-generation
 * collection lands in the middle of most analyses of a 1,000-component model
 * and copies everything built so far. A 32 MB semi-space (young generation up
 * to 64 MB, committed only as it is used) makes lex + parse + model of that
 * model about 2.5x faster in steady state (27 ms -> 10 ms median, measured with
 * `npm run bench`, which runs its cases with the same flags).
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=32'];
