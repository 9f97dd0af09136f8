/**
 * The version of sysd, declared once in package.json. The build writes it in
 * (esbuild `define`, scripts/build.mjs); code run from source (the tests,
 * through tsx) has no build step and says so.
 */
declare const __SYSD_VERSION__: string | undefined;

export const VERSION: string = typeof __SYSD_VERSION__ === 'string' ? __SYSD_VERSION__ : '0.0.0-source';
