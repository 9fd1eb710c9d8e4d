/**
 * "Every argument and result has a type of its own exported by name" (README, Library): every type
 * the package declares that an export's declaration names (a function's parameters and result, a
 * class's public members, a constant's type, an exported type's own fields) is itself exported from
 * the package, so that a program can name what it passes and gets. Read off the built dist/*.d.ts
 * (@babel/parser reads them; the TypeScript package here, 7, has no compiler API for a program to
 * call). (SummaryRow, CsvOptions, HoldoutSplit, Tokenize, UnigramCounts, TextSource, SeriesWarning and
 * ProgressReport were named and not exported: probe.)
 */

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from '@babel/parser';
import { describe, expect, it } from 'vitest';

const DIST = join(import.meta.dirname, '../../dist');

/** An AST node, read by its fields. */
interface AstNode {
  readonly type: string;
  readonly [field: string]: unknown;
}

/** A name as a module of dist declares or passes it on: where to look next. */
type Binding = { readonly kind: 'declared'; readonly nodes: AstNode[] } | { readonly kind: 'from'; readonly file: string; readonly name: string };

interface ModuleNames {
  /** Names the module exports, by exported name. */
  readonly exports: Map<string, Binding>;
  /** Names in the module's scope: its declarations and its imports from dist. */
  readonly scope: Map<string, Binding>;
}

const modules = new Map<string, ModuleNames>();

/** `./x.js` from `file` -> dist's x.d.ts; undefined for a package's or Node's module. */
function distFile(file: string, source: string): string | undefined {
  return source.startsWith('.') ? resolve(dirname(file), source.replace(/\.js$/u, '.d.ts')) : undefined;
}

function nameOf(node: unknown): string | undefined {
  const named = node as { name?: string; value?: string } | undefined;
  return named?.name ?? named?.value;
}

/** The name a top-level declaration declares (several for a `declare const a, b`). */
function declaredNames(node: AstNode): string[] {
  if (node.type === 'VariableDeclaration') return (node.declarations as AstNode[]).map((one) => nameOf(one.id)!);
  const id = nameOf(node.id);
  return id === undefined ? [] : [id];
}

function moduleNames(file: string): ModuleNames {
  const known = modules.get(file);
  if (known !== undefined) return known;
  const program = parse(readFileSync(file, 'utf8'), { sourceType: 'module', plugins: [['typescript', { dts: true }]] }).program as unknown as { body: AstNode[] };
  const names: ModuleNames = { exports: new Map(), scope: new Map() };
  const declare = (node: AstNode): void => {
    for (const name of declaredNames(node)) {
      const binding = names.scope.get(name);
      if (binding?.kind === 'declared') binding.nodes.push(node); // an overload, or an interface merged
      else names.scope.set(name, { kind: 'declared', nodes: [node] });
    }
  };
  const localExports: Array<[string, string]> = [];
  for (const statement of program.body) {
    const source = distFile(file, nameOf(statement.source) ?? '');
    if (statement.type === 'ImportDeclaration') {
      if (source === undefined) continue;
      for (const specifier of statement.specifiers as AstNode[]) {
        if (specifier.type === 'ImportSpecifier') names.scope.set(nameOf(specifier.local)!, { kind: 'from', file: source, name: nameOf(specifier.imported)! });
      }
    } else if (statement.type === 'ExportNamedDeclaration') {
      const declaration = statement.declaration as AstNode | null;
      if (declaration !== null) {
        declare(declaration);
        for (const name of declaredNames(declaration)) localExports.push([name, name]);
      }
      for (const specifier of (statement.specifiers as AstNode[]) ?? []) {
        const [local, exported] = [nameOf(specifier.local)!, nameOf(specifier.exported)!];
        if (source !== undefined) names.exports.set(exported, { kind: 'from', file: source, name: local });
        else if (statement.source === null || statement.source === undefined) localExports.push([exported, local]);
      }
    } else if (statement.type !== 'ExportAllDeclaration' && statement.type !== 'ExportDefaultDeclaration') {
      declare(statement);
    }
  }
  for (const [exported, local] of localExports) {
    const binding = names.scope.get(local);
    if (binding !== undefined) names.exports.set(exported, binding);
  }
  modules.set(file, names);
  return names;
}

/** Where a binding ends: the file that declares it, its name there and its declarations. */
function declarationOf(binding: Binding): { key: string; file: string; nodes: AstNode[] } | undefined {
  let at = binding;
  let file = '';
  let name = '';
  for (let hops = 0; at.kind === 'from'; hops++) {
    if (hops > 50) throw new Error(`a loop of re-exports at ${at.file}`);
    ({ file, name } = at);
    const names = moduleNames(at.file);
    const next = names.exports.get(at.name) ?? names.scope.get(at.name);
    if (next === undefined) return undefined;
    at = next;
  }
  return { key: `${file}#${name}`, file, nodes: at.nodes };
}

/**
 * Every type `node` names, as a name in its file's scope or, for `import("./x.js").Name` (tsc writes an
 * inferred type so), a name of another file; less the type parameters declared under it and private
 * members. A qualified name (`NodeJS.ErrnoException`) is a namespace's, none of which dist declares.
 */
function referencedTypes(node: AstNode, file: string): Array<{ readonly file: string; readonly name: string; readonly local: boolean }> {
  const parameters = new Set<string>();
  const references: Array<{ file: string; name: string; local: boolean }> = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object' || typeof (value as AstNode).type !== 'string') return;
    const child = value as AstNode;
    if (child.accessibility === 'private' || child.type === 'ClassPrivateProperty' || child.type === 'ClassPrivateMethod') return;
    if (child.type === 'TSTypeParameter') parameters.add(nameOf(child.name) ?? String(child.name));
    if (child.type === 'TSTypeReference' && (child.typeName as AstNode).type === 'Identifier') references.push({ file, name: nameOf(child.typeName)!, local: true });
    if (child.type === 'TSImportType') {
      const argument = child.argument as AstNode;
      const source = distFile(file, nameOf(argument.type === 'TSLiteralType' ? argument.literal : argument) ?? '');
      const qualifier = child.qualifier as AstNode | null | undefined;
      if (source !== undefined && qualifier?.type === 'Identifier') references.push({ file: source, name: nameOf(qualifier)!, local: false });
    }
    for (const [field, inner] of Object.entries(child)) if (!['loc', 'start', 'end', 'leadingComments', 'trailingComments'].includes(field)) visit(inner);
  };
  visit(node);
  return references.filter((reference) => !(reference.local && parameters.has(reference.name)));
}

describe('the exported declarations', () => {
  it('name only types the package exports', () => {
    const index = join(DIST, 'index.d.ts');
    const exported = moduleNames(index).exports;
    const exportedKeys = new Set<string>();
    const declarations = [...exported].map(([name, binding]) => {
      const found = declarationOf(binding.kind === 'from' ? binding : { kind: 'from', file: index, name });
      if (found !== undefined) exportedKeys.add(found.key);
      return [name, found] as const;
    });
    expect(declarations.length).toBeGreaterThan(150);
    expect(declarations.filter(([, found]) => found === undefined).map(([name]) => name)).toEqual([]);
    const missing: Record<string, string[]> = {};
    for (const [name, found] of declarations) {
      for (const node of found!.nodes) {
        for (const type of referencedTypes(node, found!.file)) {
          const scope = type.local ? moduleNames(type.file).scope.get(type.name) : { kind: 'from' as const, file: type.file, name: type.name };
          const target = scope === undefined ? undefined : declarationOf(scope.kind === 'from' ? scope : { kind: 'from', file: type.file, name: type.name });
          if (target === undefined || exportedKeys.has(target.key)) continue;
          const users = (missing[type.name] ??= []);
          if (!users.includes(name)) users.push(name);
        }
      }
    }
    expect(missing).toEqual({});
  });
});
