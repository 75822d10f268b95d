/**
 * The values an MDX post spells in JavaScript that need no JavaScript to know: `{' '}`, `{2024}`,
 * `` {`text`} ``, `style={{ textAlign: 'center' }}`, Docusaurus's `values={[{ label, value }]}`,
 * an image imported at the top (`import cover from './cover.png'` → `src={cover}`), and the two
 * calls posts use for file URLs, `require('./x.png')` and `useBaseUrl('/img/x.png')`. Anything
 * else (a variable, a call, JSX) has no value without running the post, and gives undefined.
 */
import type { Expression, Node, Program } from 'acorn';
import { acornWithJsx } from './syntax.ts';

/** What an expression could not be reduced to. */
const UNKNOWN = Symbol('unknown');

/** Calls whose one string argument is the file URL they stand for. */
const URL_CALLS = new Set(['require', 'useBaseUrl']);

/** Names bound by `import x from '…'` (and `import { x } from '…'`) → the module they come from. */
export type Imports = ReadonlyMap<string, string>;

/** The static value of `source`, an expression's text; undefined when it has none. */
export function evaluate(source: string, imports: Imports): { value: unknown } | undefined {
  let node: Expression;
  try {
    node = acornWithJsx.parseExpressionAt(source, 0, { ecmaVersion: 'latest', sourceType: 'module' });
  } catch {
    return undefined;
  }
  if (!/^\s*$/.test(source.slice(node.end))) return undefined;
  const value = valueOf(node, imports);
  return value === UNKNOWN ? undefined : { value };
}

/** Whether `source` is nothing but comments (`/* … *\/`, `// …`): MDX's way to write one. */
export function commentOf(source: string): string | undefined {
  // After a line comment only white space that starts a new line: `[^\n]*\s*$` tried every split of trailing spaces.
  const match = /^\s*\/\*([\s\S]*?)\*\/\s*$/.exec(source) ?? /^\s*\/\/([^\n]*)(?:\n\s*)?$/.exec(source);
  return match?.[1];
}

/** The names an ESM block imports, with the module each comes from. */
export function importsOf(program: Program, into: Map<string, string>): void {
  for (const statement of program.body) {
    if (statement.type !== 'ImportDeclaration' || typeof statement.source.value !== 'string') continue;
    for (const specifier of statement.specifiers) into.set(specifier.local.name, statement.source.value);
  }
}

function valueOf(node: Node, imports: Imports): unknown {
  const n = node as Expression;
  switch (n.type) {
    case 'Literal':
      return 'regex' in n && n.regex ? UNKNOWN : n.value;
    case 'TemplateLiteral':
      return n.expressions.length === 0 ? n.quasis[0]!.value.cooked : UNKNOWN;
    case 'UnaryExpression': {
      const value = valueOf(n.argument, imports);
      return typeof value !== 'number' ? UNKNOWN : n.operator === '-' ? -value : n.operator === '+' ? value : UNKNOWN;
    }
    case 'ArrayExpression': {
      const values = n.elements.map((element) => (element === null || element.type === 'SpreadElement' ? UNKNOWN : valueOf(element, imports)));
      return values.includes(UNKNOWN) ? UNKNOWN : values;
    }
    case 'ObjectExpression':
      return objectOf(n, imports);
    case 'Identifier':
      return n.name === 'undefined' ? undefined : (imports.get(n.name) ?? UNKNOWN);
    case 'CallExpression': {
      const [argument] = n.arguments;
      if (n.callee.type !== 'Identifier' || !URL_CALLS.has(n.callee.name) || n.arguments.length !== 1 || argument!.type !== 'Literal') return UNKNOWN;
      return typeof argument.value === 'string' ? argument.value : UNKNOWN;
    }
    case 'MemberExpression':
      // `require('./x.png').default`, as older Docusaurus posts write it.
      return !n.computed && n.property.type === 'Identifier' && n.property.name === 'default' && n.object.type === 'CallExpression' ? valueOf(n.object, imports) : UNKNOWN;
    default:
      return UNKNOWN;
  }
}

function objectOf(node: Extract<Expression, { type: 'ObjectExpression' }>, imports: Imports): unknown {
  const object: Record<string, unknown> = {};
  for (const property of node.properties) {
    if (property.type !== 'Property' || property.computed || property.kind !== 'init') return UNKNOWN;
    const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : undefined;
    const value = valueOf(property.value, imports);
    if (key === undefined || value === UNKNOWN) return UNKNOWN;
    object[key] = value;
  }
  return object;
}
