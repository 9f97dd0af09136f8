import type { Rule } from './rule';

export const noEntry: Rule<'no-entry'> = {
  code: 'no-entry',
  run({ system, report }) {
    if (system.components.length === 0 || system.components.some((c) => c.isEntry)) return;
    report({
      range: system.nameRange,
      message: `system '${system.name}' has no entry: add a 'users' component that calls into it (users web { rps: 100 } and web -> ...) so availability and load can be computed`,
    });
  },
};
