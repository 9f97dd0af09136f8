#!/usr/bin/env node
// The `sysd` command: the bundled CLI (built by `npm run build`), an ES module, so Node loads it
// without scanning it for CommonJS exports; the layout code is a separate chunk only `render` loads.
import '../dist/cli/sysd.mjs';
