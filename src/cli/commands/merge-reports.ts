/** merge-reports: the junit.xml files of several runs (a CI matrix) -> one JUnit file, suites labelled by folder. */
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { SfcheckError } from '../../errors';
import { findJunitFiles, labelsFor, mergeJunit, writeReportFile } from '../../report';

export function registerMergeReports(program: Command, setExit: (code: number) => void): void {
  program
    .command('merge-reports')
    .description('merge the junit.xml reports found under each DIR (e.g. one per environment) into one JUnit file')
    .argument('<dirs...>', 'folders (searched recursively) or junit.xml files')
    .option('-o, --output <file>', 'the merged JUnit file', 'reports/merged/junit.xml')
    .action((dirs: string[], raw: { output: string }) => {
      const output = resolve(raw.output);
      const files = findJunitFiles(dirs, output);
      if (files.length === 0) {
        throw new SfcheckError('SFCHECK_NO_REPORTS', `no JUnit report found under ${dirs.join(', ')}`, 'pass the folders the runs wrote their reports to (--out)');
      }
      const labels = labelsFor(files);
      const merged = mergeJunit(files.map((f, i) => ({ label: labels[i] ?? f, xml: readFileSync(f, 'utf8') })));
      for (const [i, f] of files.entries()) process.stdout.write(`merged: ${relative(process.cwd(), f) || f} as "${labels[i]}"\n`);
      process.stdout.write(`report: ${writeReportFile(process.cwd(), output, merged)}\n`);
      // Merging succeeded: exit 0 even when the merged runs failed (each run's own job already reported that).
      setExit(0);
    });
}
