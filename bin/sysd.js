#!/usr/bin/env node
// The `sysd` command: the bundled CLI (built by `npm run build`).
import '../dist/cli.js';
