/**
 * The house rules of CONVENTIONS.md, checked on the import graph: `lib/` is pure (no extension API, no
 * IndexedDB, no DOM globals outside `lib/dom/`), a lower ring never imports a higher one, and no module
 * imports itself through a circle (type-only imports count: they are how circles start).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const SOURCE_DIRS = ['lib', 'entrypoints', 'components', 'utils', 'scripts'];

/** Packages that reach the browser's extension APIs or its storage. */
const BROWSER_PACKAGES = [/^wxt\//, /^wxt$/, /^#imports$/, /^webextension-polyfill$/, /^idb$/];
/** Globals that mean "runs in a browser": extension APIs and IndexedDB everywhere in lib/, the DOM outside lib/dom/. */
const EXTENSION_GLOBALS = new Set(['browser', 'chrome', 'indexedDB']);
const DOM_GLOBALS = new Set(['document', 'window']);

interface SourceFacts {
  /** Module specifiers, as written. */
  specifiers: string[];
  /** Free uses of the globals above, as `name:line`. */
  globals: string[];
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** True when `node` is the name of a property, not a reference to a variable of that name. */
function isPropertyName(node: ts.Identifier): boolean {
  const p = node.parent;
  return (
    (ts.isPropertyAccessExpression(p) && p.name === node) ||
    ((ts.isPropertyAssignment(p) || ts.isPropertySignature(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p)) && p.name === node) ||
    (ts.isQualifiedName(p) && p.right === node) ||
    ts.isImportSpecifier(p) ||
    ts.isExportSpecifier(p)
  );
}

/** Imports and free global uses of one file, read from its syntax tree (comments and strings do not count). */
export function factsOf(fileName: string, text: string): SourceFacts {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const specifiers: string[] = [];
  const globals: string[] = [];
  const watched = new Set([...EXTENSION_GLOBALS, ...DOM_GLOBALS]);
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) specifiers.push(arg.text);
    } else if (ts.isIdentifier(node) && watched.has(node.text) && !isPropertyName(node)) {
      globals.push(`${node.text}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { specifiers, globals };
}

/** Resolves a relative specifier to a repository path, or null for packages. */
function resolveLocal(from: string, spec: string, files: Set<string>): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(join(ROOT, from)), spec);
  for (const suffix of ['', '.ts', '.tsx', '/index.ts', '/index.tsx']) {
    const rel = relative(ROOT, base + suffix);
    if (files.has(rel)) return rel;
  }
  return null;
}

/** Every strongly connected component of more than one module (or a module importing itself). Tarjan's algorithm. */
export function importCircles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const strongConnect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        strongConnect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) circles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) strongConnect(v);
  return circles;
}

const files = SOURCE_DIRS.flatMap((d) => sourceFiles(join(ROOT, d))).map((f) => relative(ROOT, f));
const fileSet = new Set(files);
const facts = new Map(files.map((f) => [f, factsOf(f, readFileSync(join(ROOT, f), 'utf8'))]));
const graph = new Map(files.map((f) => [f, facts.get(f)!.specifiers.map((s) => resolveLocal(f, s, fileSet)).filter((x): x is string => x !== null)]));

const inLib = (f: string) => f.startsWith('lib/');
const inLibDom = (f: string) => f.startsWith('lib/dom/');

/** The rings of lib/, lowest first: a module may import its own ring and those below, never one above. */
const LIB_RINGS: Array<[string, number]> = [
  ['lib/errors.ts', 0],
  ['lib/corpus/', 1],
  ['lib/match/', 2],
  ['lib/claims/', 3],
];

function ringOf(f: string): number | null {
  for (const [prefix, ring] of LIB_RINGS) if (f === prefix || f.startsWith(prefix)) return ring;
  return null;
}

describe('the import graph', () => {
  it('reads the sources (sanity: the checks below see the whole tree)', () => {
    expect(files.filter(inLib).length).toBeGreaterThan(50);
    expect(graph.get('lib/claims/index.ts')).toContain('lib/claims/cluster.ts');
  });

  it('finds a circle when there is one and none in a chain (the detector itself)', () => {
    const chain = new Map([['a', ['b']], ['b', ['c']], ['c', []]]);
    const loop = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['d']]]);
    expect(importCircles(chain)).toEqual([]);
    expect(importCircles(loop)).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('flags browser globals and packages by syntax, not by words in comments', () => {
    const facts = factsOf('x.ts', "// the source document\nimport { storage } from 'wxt/utils/storage';\nconst d = document.title; const o = { window: 1 }; browser.runtime.id;");
    expect(facts.specifiers).toEqual(['wxt/utils/storage']);
    expect(facts.globals).toEqual(['document:3', 'browser:3']);
  });

  it('has no import circles', () => {
    expect(importCircles(graph)).toEqual([]);
  });

  it('keeps lib/ pure: no extension API, no IndexedDB, no browser packages; DOM globals only in lib/dom/', () => {
    const offences: string[] = [];
    for (const f of files.filter(inLib)) {
      const { specifiers, globals } = facts.get(f)!;
      for (const s of specifiers) if (BROWSER_PACKAGES.some((p) => p.test(s))) offences.push(`${f} imports ${s}`);
      for (const g of globals) {
        const name = g.split(':')[0]!;
        if (EXTENSION_GLOBALS.has(name) || (DOM_GLOBALS.has(name) && !inLibDom(f))) offences.push(`${f} uses ${g}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('never imports a higher ring: lib/ imports no wired code or components, and corpus < match < claims', () => {
    const offences: string[] = [];
    for (const f of files.filter(inLib)) {
      for (const t of graph.get(f)!) {
        if (!inLib(t)) offences.push(`${f} -> ${t}`);
        else if (!inLibDom(f) && inLibDom(t)) offences.push(`${f} -> ${t} (DOM from pure code)`);
        const [rf, rt] = [ringOf(f), ringOf(t)];
        if (rf !== null && rt !== null && rt > rf) offences.push(`${f} -> ${t} (ring ${rf} imports ring ${rt})`);
        if (rf !== null && rf <= 1 && rt === null && inLib(t)) offences.push(`${f} -> ${t} (corpus imports an upper module)`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('keeps components presentational: no extension API, storage or messaging', () => {
    const offences: string[] = [];
    for (const f of files.filter((x) => x.startsWith('components/'))) {
      for (const s of facts.get(f)!.specifiers) if (BROWSER_PACKAGES.some((p) => p.test(s))) offences.push(`${f} imports ${s}`);
      for (const t of graph.get(f)!) if (t.startsWith('entrypoints/') || t.startsWith('utils/')) offences.push(`${f} -> ${t}`);
      for (const g of facts.get(f)!.globals) if (EXTENSION_GLOBALS.has(g.split(':')[0]!)) offences.push(`${f} uses ${g}`);
    }
    expect(offences).toEqual([]);
  });
});
