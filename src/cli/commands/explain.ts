/**
 * explain: what a Salesforce error means and which step of the set-up guide fixes it. Takes a diagnosis code
 * (SFD_AUTH_FAILURE), an error code (invalid_grant, INVALID_SESSION_ID, Bad_OAuth_Token, ENOTFOUND) or text pasted
 * from anywhere (a JSON body, a log line, a form-encoded authorize error); `-` or no argument reads stdin.
 *
 * Exit codes: 0 explained (a code, a match, or the candidates an error code may mean); 1 nothing in the catalogue
 * matches (like grep: the input was read, there is no answer); 2 no input or a bad option.
 */
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { catalogueIndex, lookup, type DiagnosisContext, type DiagnosisFlow } from '../../check';
import { EXIT, SfcheckError } from '../../errors';
import { Redactor } from '../../report';
import { diagnosisLines } from '../../report/diagnosis';
import { loadProcessVariables } from '../environment';

const FLOWS: Readonly<Record<string, DiagnosisFlow>> = {
  password: 'password',
  'client-credentials': 'client-credentials',
  jwt: 'jwt',
  uca: 'uca',
  'user-access': 'uca',
  write: 'password',
};

interface ExplainOptions {
  loginUrl?: string;
  username?: string;
  flow?: string;
  list?: boolean;
  json?: boolean;
}

function contextOf(o: ExplainOptions): DiagnosisContext {
  const ctx: DiagnosisContext = {};
  if (o.flow) {
    const flow = FLOWS[o.flow];
    if (!flow) throw new SfcheckError('SFCHECK_USAGE', `unknown flow "${o.flow}"`, `use --flow ${Object.keys(FLOWS).join('|')}`);
    ctx.flow = flow;
  }
  if (o.loginUrl) {
    try {
      ctx.loginHost = new URL(o.loginUrl).host;
    } catch {
      ctx.loginHost = o.loginUrl.replace(/^https?:\/\//, '').split('/')[0] ?? o.loginUrl;
    }
  }
  if (o.username) ctx.username = o.username;
  return ctx;
}

function readInput(words: string[]): string {
  if (words.length === 0 || (words.length === 1 && words[0] === '-')) {
    if (process.stdin.isTTY && words.length === 0) return '';
    try {
      return readFileSync(0, 'utf8');
    } catch {
      return '';
    }
  }
  return words.join(' ');
}

export function registerExplain(program: Command, setExit: (code: number) => void): void {
  program
    .command('explain')
    .description('explain a Salesforce error: a diagnosis code (SFD_…), an error code (invalid_grant, INVALID_SESSION_ID) or pasted text; - reads stdin')
    .argument('[input...]', 'SFD_ code, error code, or error text / JSON body')
    .option('--login-url <url>', 'the login host used (ranks "wrong login host" for sandbox / production usernames)')
    .option('--username <name>', 'the username the token was asked for')
    .option('--flow <flow>', `the flow that failed (${Object.keys(FLOWS).join(', ')})`)
    .option('--list', 'list every diagnosis code')
    .option('--json', 'print the diagnosis as JSON')
    .action((words: string[], o: ExplainOptions) => {
      // Pasted text may hold a secret of this shell's SF_ variables: they never reach the output.
      const red = new Redactor().addProcessSecrets(process.env).addProcessSecrets(loadProcessVariables(process.cwd()));
      // One write at the end: `sfcheck explain … | head` must not die of EPIPE halfway.
      const lines: string[] = [];
      const say = (s: string) => lines.push(red.text(s));
      const flush = () => process.stdout.write(`${lines.join('\n')}\n`);
      if (o.list) {
        for (const e of catalogueIndex()) say(`${e.code.padEnd(28)} ${e.title}\n${' '.repeat(29)}${e.signature}`);
        flush();
        setExit(EXIT.OK);
        return;
      }
      const input = readInput(words);
      if (!input.trim()) {
        throw new SfcheckError('SFCHECK_USAGE', 'nothing to explain', 'pass a code (sfcheck explain invalid_grant), quote the error text, or pipe it in (… | sfcheck explain -); --list shows every code');
      }
      const found = lookup(input, contextOf(o));
      if (o.json) {
        say(JSON.stringify({ kind: found.kind, diagnoses: found.diagnoses }, null, 2));
      } else if (found.kind === 'none') {
        say('no diagnosis matches this input.');
        say('known diagnoses (sfcheck explain --list for their evidence):');
        say(`  ${catalogueIndex().map((e) => e.code).join(', ')}`);
      } else {
        if (found.kind === 'candidates') say(`${found.diagnoses.length} diagnoses share this code; paste the whole error (with its description) to pick one:\n`);
        found.diagnoses.forEach((d, i) => {
          if (i > 0) say('');
          for (const line of diagnosisLines(d, { full: true })) say(line);
        });
      }
      flush();
      setExit(found.kind === 'none' ? EXIT.CHECK_FAILED : EXIT.OK);
    });
}
