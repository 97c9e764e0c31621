/** The human summary of a publish run: what landed, and which graphs (articles) did not and why. */
import type { PublishReport } from './publisher.ts';

const number = (n: number) => n.toLocaleString('en-US');

/**
 * Lines for the terminal: a summary line, then one line per graph that did not land. `rate: false` leaves
 * out triples/s (for `build --publish`, whose time is mostly extraction).
 */
export function formatReport(report: PublishReport, options: { rate?: boolean } = {}): string {
  const seconds = report.elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(report.triplesLanded / seconds) : 0;
  const total = report.graphs.length;
  const lines = [
    `publish: ${number(report.landed)} of ${number(total)} graph${total === 1 ? '' : 's'} landed (${number(report.triplesLanded)} of ${number(report.triplesTotal)} triples) at ${report.endpoint} in ${seconds.toFixed(1)} s${options.rate === false ? '' : ` (${number(rate)} triples/s)`}`,
  ];
  const missing = report.graphs.filter((g) => g.status !== 'landed');
  if (report.stoppedBy) lines.push(`publish: stopped sending after: ${report.stoppedBy}`);
  if (missing.length > 0) {
    lines.push(`publish: ${number(missing.length)} graph${missing.length === 1 ? '' : 's'} did not land (${number(report.failed)} failed, ${number(report.skipped)} not sent); run the same command again to complete them (publishing is idempotent):`);
    for (const g of missing) lines.push(`  ${g.graph}  ${g.status === 'failed' ? 'FAILED' : 'NOT SENT'}  ${g.error ?? ''}`.trimEnd());
  }
  return lines.join('\n') + '\n';
}

/** Graph IRIs that did not land. */
export function missingGraphs(report: PublishReport): string[] {
  return report.graphs.filter((g) => g.status !== 'landed').map((g) => g.graph);
}
