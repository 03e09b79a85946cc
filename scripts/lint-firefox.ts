/**
 * `npm run lint:firefox` (run by `.ci/run`): builds the Firefox (MV2) extension and runs Mozilla's add-on
 * linter on it (`web-ext lint`). Fails on any error and on any warning that is not explained: each explained
 * warning is recognised by its code, file and the exact minified code it points at, and the README
 * ("Firefox: what web-ext lint reports") says why it is safe. When a dependency update moves or changes that
 * code, the warning becomes unexplained and the lint fails until someone looks again.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './corpus-io';

const BUILD_DIR = join(ROOT, '.output', 'firefox-mv2');
const TIMEOUT_MS = 300_000;
/** Characters of minified code before the flagged column that a signature may look at. */
const CONTEXT_BEFORE = 120;

/** One message of `web-ext lint --output json`. */
export interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** A warning we know and have explained in the README. */
interface Explained {
  code: string;
  file: RegExp;
  /** Matches the code at the flagged column (the text from the column on, after `before`). */
  at: RegExp;
  /** Matches the code just before the column, when the text at the column is not distinctive enough. */
  before?: RegExp;
  why: string;
}

/** The four `innerHTML` assignments of the built bundles: Preact's renderer (twice) and Readability (twice). */
export const EXPLAINED: readonly Explained[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^(content-scripts\/crosscheck\.js|chunks\/[\w-]+\.js)$/,
    at: /^[\w$]+\.innerHTML=[\w$]+\.__html\)/,
    why: "Preact's dangerouslySetInnerHTML branch; no component of ours uses that prop (checked below)",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^content-scripts\/crosscheck\.js$/,
    at: /^[\w$]+\.innerHTML=[\w$]+,this\._attempts\.push\(/,
    why: "Readability restoring its copy of the page between attempts, in the detached clone the reader parses",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^content-scripts\/crosscheck\.js$/,
    at: /^[\w$]+\.innerHTML=[\w$]+\.innerHTML;/,
    before: /_isSingleImage\([\w$]+\)\)\{var [\w$]+=[\w$]+\.createElement\("div"\);$/,
    why: "Readability unwrapping <noscript> images, in the same detached clone",
  },
];

/** Directories whose sources must never use `dangerouslySetInnerHTML` (that would make Preact's branch live). */
const SOURCE_DIRS = ['components', 'entrypoints', 'lib', 'utils'];

/** The code at a message's position in the built file, and the code just before it. */
function codeAt(msg: LintMessage): { at: string; before: string } {
  if (!msg.file || !msg.line || !msg.column) return { at: '', before: '' };
  const line = readFileSync(join(BUILD_DIR, msg.file), 'utf8').split('\n')[msg.line - 1] ?? '';
  const col = msg.column - 1;
  return { at: line.slice(col, col + 200), before: line.slice(Math.max(0, col - CONTEXT_BEFORE), col) };
}

/** The explanation of a warning, or null when it has none. */
export function explain(msg: LintMessage, code: { at: string; before: string }): Explained | null {
  return (
    EXPLAINED.find(
      (e) => e.code === msg.code && e.file.test(msg.file ?? '') && e.at.test(code.at) && (!e.before || e.before.test(code.before)),
    ) ?? null
  );
}

function sourcesUsingInnerHtmlProp(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && readFileSync(path, 'utf8').includes('dangerouslySetInnerHTML')) found.push(relative(ROOT, path));
    }
  };
  for (const dir of SOURCE_DIRS) walk(join(ROOT, dir));
  return found;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  try {
    return execFileSync(join(ROOT, 'node_modules', '.bin', cmd), args, { cwd: ROOT, env, encoding: 'utf8', stdio: 'pipe', timeout: TIMEOUT_MS, maxBuffer: 64 << 20 });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    // web-ext lint exits 1 when it finds errors; its JSON report is still on stdout.
    if (cmd === 'web-ext' && e.stdout?.trim().startsWith('{')) return e.stdout;
    throw new Error(`${cmd} ${args.join(' ')}: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

function main(): number {
  const env = { ...process.env };
  delete env.CROSSCHECK_EXTRA_HOSTS; // lint what a store would get
  delete env.CROSSCHECK_TEST_SIGNALS;
  console.log('lint:firefox: building .output/firefox-mv2 ...');
  run('wxt', ['build', '-b', 'firefox'], env);
  const report = JSON.parse(run('web-ext', ['lint', '--source-dir', BUILD_DIR, '--output', 'json', '--no-input'])) as {
    errors: LintMessage[];
    warnings: LintMessage[];
    notices: LintMessage[];
  };
  const where = (m: LintMessage) => `${m.file ?? 'manifest'}${m.line ? `:${m.line}:${m.column}` : ''}`;
  for (const m of report.errors) console.log(`  error    ${m.code} ${where(m)}: ${m.message}`);
  let unexplained = 0;
  for (const m of report.warnings) {
    const e = explain(m, codeAt(m));
    if (!e) unexplained++;
    console.log(`  warning  ${m.code} ${where(m)}: ${e ? `explained: ${e.why}` : `UNEXPLAINED: ${m.message}`}`);
  }
  for (const m of report.notices) console.log(`  notice   ${m.code} ${where(m)}: ${m.message}`);
  const users = sourcesUsingInnerHtmlProp();
  if (users.length > 0) console.log(`  dangerouslySetInnerHTML is used in ${users.join(', ')}: Preact's innerHTML branch is live`);
  console.log(
    `web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings (${report.warnings.length - unexplained} explained in the README, ${unexplained} unexplained), ${report.notices.length} notices`,
  );
  return report.errors.length === 0 && unexplained === 0 && users.length === 0 ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    process.exit(main());
  } catch (err) {
    console.error(`lint:firefox failed: ${(err as Error).message}`);
    process.exit(1);
  }
}
