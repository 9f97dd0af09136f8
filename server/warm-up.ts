/**
 * A small model an analysis worker analyses once when it starts, so the JIT
 * has compiled the lexer, parser, model and analyses before the user's first
 * edit arrives. It touches the common paths: zones, replicas, capacities,
 * a cache, a queue with an async hop, optional calls and alternatives.
 */
export function warmUpText(services = 40): string {
  const lines = [
    'system warm "Warm-up" {',
    '  slo: 99.9%',
    '  latency-slo: 300ms',
    '  region r { zone a { availability: 99.99% }; zone b { availability: 99.99% } }',
    '  users web { rps: 1k; peak: 3k }',
    '  lb front { replicas: 2; zones: a, b }',
    '  cache hot { hit: 80%; capacity: 50k rps }',
    '  database store { replicas: 2; replication: sync; capacity: 5k rps; zones: a, b }',
    '  queue jobs { replicas: 3; zones: a, b }',
    '  worker batch { replicas: 2; capacity: 500 rps }',
    '  external pay { availability: 99.99% }',
  ];
  for (let i = 0; i < services; i++) lines.push(`  service s${i} { replicas: ${2 + (i % 3)}; capacity: ${1 + (i % 5)}k rps; latency: ${5 + i}ms; zones: a, b }`);
  lines.push('  web -> front');
  for (let i = 0; i < services; i++) lines.push(i < 4 ? `  front -> s${i}` : `  s${Math.floor(i / 4) - 1} -> s${i}`);
  lines.push('  s0 -> hot -> store', '  s1 -> pay { optional; timeout: 2s; breaker }', '  s2 -> jobs ~> batch', '  s3 -> s5 | s6', '}', '');
  return lines.join('\n');
}
