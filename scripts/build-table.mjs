// The build table of scripts/perf.sh: every build it timed (target/perf/
// builds.json), as markdown — wall time, peak resident memory, files and
// size written — with the cost per document, so whether a build grows
// linearly with the corpus reads off one column. A `trunk build` also shows
// its corpus step (the app's build script, build.rs: parse, glossary,
// layout, split index) apart from the compile around it.
//
//   node scripts/build-table.mjs [target/perf/builds.json]
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'target/perf/builds.json';
const builds = JSON.parse(readFileSync(file, 'utf8'));
const mb = (n) => (n == null || Number.isNaN(n) ? '—' : (n / 1048576).toFixed(0));
const s = (n) => (n == null || Number.isNaN(n) ? '—' : n.toFixed(1));
const perK = (x, docs) => (docs ? (x / docs) * 1000 : NaN);

console.log('| build | documents | wall s | CPU s | peak RSS MB | files | MB written | CPU s per 1,000 docs | peak MB per 1,000 docs | corpus step (build.rs) wall s, peak MB |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const [label, b] of Object.entries(builds)) {
  const docs = b.documents ?? null;
  const step = b.corpusSeconds == null ? '—' : `${s(b.corpusSeconds)}, ${mb(b.corpusPeak)}`;
  console.log(
    `| ${label} | ${docs ?? '—'} | ${s(b.seconds)} | ${s(b.cpu)} | ${mb(b.peak)} | ${b.files} | ${mb(b.bytes)} | ` +
      `${docs ? s(perK(b.cpu, docs)) : '—'} | ${docs ? mb(perK(b.peak, docs)) : '—'} | ${step} |`,
  );
}
// Growth between the smallest and the largest `lattice build` of an
// archive: 1.0 is linear (time and memory per document unchanged). CPU
// time (user + system) is the fairer measure on a shared machine.
const sized = Object.values(builds)
  .filter((b) => b.documents && b.corpusSeconds == null)
  .sort((a, b) => a.documents - b.documents);
if (sized.length >= 2) {
  const [lo, hi] = [sized[0], sized[sized.length - 1]];
  const per = (b, k) => b[k] / b.documents;
  console.log(
    `\nfrom ${lo.documents} to ${hi.documents} documents (×${(hi.documents / lo.documents).toFixed(0)}): ` +
      `CPU time per document ×${(per(hi, 'cpu') / per(lo, 'cpu')).toFixed(2)}, ` +
      `wall time per document ×${(per(hi, 'seconds') / per(lo, 'seconds')).toFixed(2)}, ` +
      `peak memory per document ×${(per(hi, 'peak') / per(lo, 'peak')).toFixed(2)}, ` +
      `bytes per document ×${(per(hi, 'bytes') / per(lo, 'bytes')).toFixed(2)} (1.00: linear)`,
  );
}
