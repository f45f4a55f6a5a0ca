/** Shared test helpers: the CLI as a child process, temp folders. Everything stays on 127.0.0.1. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startEmulator, type EmulatorOptions, type StartedEmulator } from '../src/emulator';

export const ROOT = resolve(__dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the compiled CLI with a clean SF_-free environment unless `env` adds variables. */
export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('SF_')) base[k] = v;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...base, NO_COLOR: '1', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

export function tempDir(prefix = 'sfcheck-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Starts one emulator (127.0.0.1, free port, `options` as given) for a describe block and closes it afterwards.
 * The getter returns the StartedEmulator (loginUrl and the local-only hooks included).
 */
export function useEmulator(options: EmulatorOptions = {}): () => StartedEmulator {
  let emu: StartedEmulator | undefined;
  before(async () => {
    emu = await startEmulator(options);
  });
  after(async () => {
    await emu?.close();
  });
  return () => {
    if (!emu) throw new Error('emulator not started');
    return emu;
  };
}
