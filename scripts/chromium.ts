/**
 * Finds the Chromium that the demo, the end-to-end tests, `bench:e2e` and `.ci/run` drive, the way users have
 * one: `CROSSCHECK_CHROMIUM`, then `/usr/bin/chromium`, then `chromium`, `chromium-browser`,
 * `google-chrome-stable`, `google-chrome` on the PATH. When none is found and we are root with `apt-get`,
 * Debian's `chromium` package is installed (announced first); otherwise the lookup stops with the exact
 * command to run. `CROSSCHECK_NO_INSTALL=1` forbids installing.
 *
 * Run directly (`tsx scripts/chromium.ts`), it finds or installs the browser and prints its path: `.ci/run`
 * does that on a clean machine.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Environment variable naming the browser executable; it wins over every other place. */
export const CHROMIUM_ENV = 'CROSSCHECK_CHROMIUM';
/** Environment variable that forbids installing a browser (any non-empty value but `0`). */
export const NO_INSTALL_ENV = 'CROSSCHECK_NO_INSTALL';
/** Where Debian's `chromium` package puts the browser. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
/** Executable names looked up on the PATH, in order. */
export const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'] as const;
/** The package a Debian machine installs. */
const DEBIAN_PACKAGE = 'chromium';
/** apt can take minutes on a slow mirror, but a stuck install must not hang a script for ever. */
const INSTALL_TIMEOUT_MS = 15 * 60_000;

/** What the lookup concluded. */
export type ChromiumLookup =
  | { kind: 'found'; path: string; via: 'env' | 'debian' | 'path' }
  | { kind: 'install'; commands: string[][] }
  | { kind: 'missing'; message: string };

/** What the lookup may look at; every field defaults to this process and machine. */
export interface LookupOptions {
  env?: NodeJS.ProcessEnv;
  /** Root can install packages without sudo. */
  isRoot?: boolean;
  /** Whether `apt-get` is on the PATH (defaults to a PATH lookup). */
  hasAptGet?: boolean;
  /** Where the distribution's browser lives (tests point it elsewhere). */
  debianPath?: string;
}

/** True when `path` is an executable regular file. */
export function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** First executable called `name` in the directories of `pathVar`, or null. */
export function onPath(name: string, pathVar: string | undefined): string | null {
  for (const dir of (pathVar ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

/** The two apt-get commands that install Debian's browser (run as root). */
export function installCommands(): string[][] {
  return [
    ['apt-get', 'update', '-q'],
    ['apt-get', 'install', '-y', '-q', DEBIAN_PACKAGE],
  ];
}

/** The shell line a person runs to install the browser (with sudo unless root). */
export function installInstruction(isRoot: boolean): string {
  const sudo = isRoot ? '' : 'sudo ';
  return installCommands().map((c) => sudo + c.join(' ')).join(' && ');
}

const forbidden = (env: NodeJS.ProcessEnv): boolean => {
  const v = env[NO_INSTALL_ENV];
  return v !== undefined && v !== '' && v !== '0';
};

/** Decides where the browser is, or whether to install it, without changing anything. */
export function locateChromium(options: LookupOptions = {}): ChromiumLookup {
  const env = options.env ?? process.env;
  const isRoot = options.isRoot ?? process.getuid?.() === 0;
  const instruction = installInstruction(isRoot);
  const explicit = env[CHROMIUM_ENV];
  if (explicit) {
    if (isExecutable(explicit)) return { kind: 'found', path: explicit, via: 'env' };
    // Installing would not put a browser where the variable points: the setting itself has to change.
    return {
      kind: 'missing',
      message:
        `${CHROMIUM_ENV}=${explicit} is not an executable file. Point ${CHROMIUM_ENV} at a Chromium or Chrome ` +
        `executable, or unset it to use ${DEBIAN_CHROMIUM} or ${PATH_NAMES.join(', ')} from the PATH.\n` +
        `To install Debian's Chromium, run:\n  ${instruction}`,
    };
  }
  const debian = options.debianPath ?? DEBIAN_CHROMIUM;
  if (isExecutable(debian)) return { kind: 'found', path: debian, via: 'debian' };
  for (const name of PATH_NAMES) {
    const found = onPath(name, env.PATH);
    if (found) return { kind: 'found', path: found, via: 'path' };
  }
  const hasAptGet = options.hasAptGet ?? onPath('apt-get', env.PATH) !== null;
  if (isRoot && hasAptGet && !forbidden(env)) return { kind: 'install', commands: installCommands() };
  const why = forbidden(env) ? ` (not installing it: ${NO_INSTALL_ENV} is set)` : '';
  return {
    kind: 'missing',
    message:
      `No Chromium found: looked at ${debian} and for ${PATH_NAMES.join(', ')} on the PATH${why}.\n` +
      `Install it with:\n  ${instruction}\n` +
      `or set ${CHROMIUM_ENV} to the path of a Chromium or Chrome executable.`,
  };
}

/** Thrown when no browser is available; its message says what to run. */
export class ChromiumMissingError extends Error {
  override name = 'ChromiumMissingError';
}

/** Path of the browser, found without installing anything. @throws ChromiumMissingError with the instruction. */
export function chromiumPath(options: LookupOptions = {}): string {
  const found = locateChromium(options);
  if (found.kind === 'found') return found.path;
  if (found.kind === 'missing') throw new ChromiumMissingError(found.message);
  throw new ChromiumMissingError(`No Chromium found. Install it with:\n  ${installInstruction(options.isRoot ?? process.getuid?.() === 0)}`);
}

/**
 * Path of the browser, installing Debian's `chromium` first when none is found and we may (root, `apt-get`,
 * no {@link NO_INSTALL_ENV}). Says so on `log` before installing.
 * @throws ChromiumMissingError with the instruction when there is none and installing is not possible or failed.
 */
export function ensureChromium(log: (line: string) => void = (line) => console.error(line), options: LookupOptions = {}): string {
  const found = locateChromium(options);
  if (found.kind === 'found') return found.path;
  if (found.kind === 'missing') throw new ChromiumMissingError(found.message);
  log(`No Chromium found: installing Debian's ${DEBIAN_PACKAGE} package (${found.commands.map((c) => c.join(' ')).join(' && ')}) ...`);
  try {
    for (const [cmd, ...args] of found.commands) {
      execFileSync(cmd as string, args, {
        // apt's output goes to stderr: stdout carries only the path when run as a command (`.ci/run`).
        stdio: ['ignore', 2, 2],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
        timeout: INSTALL_TIMEOUT_MS,
      });
    }
  } catch (err) {
    throw new ChromiumMissingError(`Installing Chromium failed (${(err as Error).message}). Install it with:\n  ${installInstruction(true)}`);
  }
  const after = locateChromium({ ...options, hasAptGet: false });
  if (after.kind === 'found') return after.path;
  throw new ChromiumMissingError(`apt-get finished but no Chromium was found at ${DEBIAN_CHROMIUM} or on the PATH.`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    console.log(ensureChromium());
  } catch (err) {
    console.error(err instanceof ChromiumMissingError ? err.message : err);
    process.exit(1);
  }
}
