/**
 * `npm run zip`: the store packages. Builds and zips the Chrome (MV3) and Firefox (MV2) extensions with WXT's
 * `zip`, plus the sources archive Firefox's reviewers rebuild from, all named after the version in
 * `package.json`, and prints their sizes. A store build never carries the test hosts of
 * `CROSSCHECK_EXTRA_HOSTS`, so the variable is removed for the build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './corpus-io';

/** A build with its zip takes 15-60 s on the 2-core machine; past this it is stuck. */
const BUILD_TIMEOUT_MS = 300_000;
const TARGETS = ['chrome', 'firefox'] as const;
/** The unpacked build each zip is made from. */
const BUILD_DIRS: Record<(typeof TARGETS)[number], string> = { chrome: 'chrome-mv3', firefox: 'firefox-mv2' };

interface PackageJson {
  name: string;
  version: string;
}

/** The archives `wxt zip` writes for `browser` (see `zip` in wxt.config.ts for the name templates). */
export function artifactNames(pkg: PackageJson, browser: (typeof TARGETS)[number]): string[] {
  const base = `${pkg.name}-${pkg.version}`;
  return browser === 'firefox' ? [`${base}-firefox.zip`, `${base}-sources.zip`] : [`${base}-${browser}.zip`];
}

function zip(browser: (typeof TARGETS)[number]): void {
  const env = { ...process.env };
  delete env.CROSSCHECK_EXTRA_HOSTS;
  delete env.CROSSCHECK_TEST_SIGNALS; // no page-readable test marks in a store package (wxt.config.ts)
  try {
    execFileSync(join(ROOT, 'node_modules', '.bin', 'wxt'), ['zip', '-b', browser], { cwd: ROOT, env, stdio: 'pipe', timeout: BUILD_TIMEOUT_MS });
  } catch (err) {
    const e = err as { stdout?: Buffer; stderr?: Buffer; message: string };
    throw new Error(`wxt zip -b ${browser}: ${e.message}\n${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`);
  }
}

function main(): void {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
  if (process.env.CROSSCHECK_EXTRA_HOSTS) console.log('zip: ignoring CROSSCHECK_EXTRA_HOSTS (test hosts never go into a store package)');
  console.log(`Store packages of ${pkg.name} ${pkg.version}:`);
  for (const browser of TARGETS) {
    for (const name of artifactNames(pkg, browser)) rmSync(join(ROOT, '.output', name), { force: true });
    zip(browser);
    const manifest = JSON.parse(readFileSync(join(ROOT, '.output', BUILD_DIRS[browser], 'manifest.json'), 'utf8')) as { version: string };
    if (manifest.version !== pkg.version) throw new Error(`the ${browser} manifest says ${manifest.version}, package.json ${pkg.version}`);
    for (const name of artifactNames(pkg, browser)) {
      const file = join(ROOT, '.output', name);
      if (!existsSync(file)) throw new Error(`wxt zip -b ${browser} did not write .output/${name}`);
      console.log(`  .output/${name}  ${(statSync(file).size / 1024).toFixed(1)} KB`);
    }
  }
}

try {
  main();
} catch (err) {
  console.error(`zip failed: ${(err as Error).message}`);
  process.exit(1);
}
