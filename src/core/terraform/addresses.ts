/**
 * Terraform addresses and references as plans write them:
 * `module.net["eu"].aws_security_group.db[0]`, `aws_security_group.fe.id`,
 * `module.sg.security_group_id`, `var.sg_ids`. Parsed by a tokenizer (instance keys are
 * quoted strings that may hold dots and brackets), never by splitting on dots.
 */

/** Module nesting beyond this is refused (in configuration and in addresses): Terraform configurations do not go near it. */
export const MAX_MODULE_DEPTH = 100;

export type InstanceKey = number | string;

export interface ModuleStep {
  name: string;
  key?: InstanceKey;
  /** `module.a[*]`: instances not known yet (a deferred change of a module whose count or for_each is unknown). */
  wildcard?: true;
}

type Token = { kind: 'name'; text: string } | { kind: 'key'; key: InstanceKey } | { kind: 'splat' };

/** Splits `a.b["k"][0].c` into names and keys; undefined when it is not a traversal. */
function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '.') {
      if (i === 0 || text[i + 1] === undefined) return undefined;
      i++;
      continue;
    }
    if (c === '[') {
      const close = findKeyEnd(text, i);
      if (close < 0) return undefined;
      const inner = text.slice(i + 1, close);
      if (inner === '*') tokens.push({ kind: 'splat' });
      else if (/^\d+$/.test(inner)) tokens.push({ kind: 'key', key: Number(inner) });
      else if (inner.startsWith('"')) {
        const key = unquoteKey(inner);
        if (key === undefined) return undefined;
        tokens.push({ kind: 'key', key });
      } else return undefined;
      i = close + 1;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i));
    if (!m) return undefined;
    tokens.push({ kind: 'name', text: m[0] });
    i += m[0].length;
  }
  return tokens;
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\', '/': '/', a: '\u0007', b: '\b', f: '\f', v: '\v' };
const HEX_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/**
 * The key of a quoted instance key as Terraform writes it in an address. Current releases
 * quote it for HCL: `\n \r \t \" \\`, `\uNNNN` / `\UNNNNNNNN` for characters that do not
 * print, and `$${` / `%%{` for a literal `${` / `%{`. Older ones used Go's `%q`, which
 * adds `\a \b \f \v` and `\xNN`. JSON's escapes read the same. Undefined when it is not
 * a quoted string.
 */
function unquoteKey(quoted: string): string | undefined {
  if (quoted.length < 2 || !quoted.startsWith('"') || !quoted.endsWith('"')) return undefined;
  let out = '';
  for (let i = 1; i < quoted.length - 1; i++) {
    const c = quoted[i];
    if ((c === '$' || c === '%') && quoted[i + 1] === c && quoted[i + 2] === '{') {
      out += c;
      i++;
      continue;
    }
    if (c !== '\\') {
      if (c === '"') return undefined;
      out += c;
      continue;
    }
    const e = quoted[++i];
    const short = SHORT_ESCAPES[e];
    if (short !== undefined) {
      out += short;
      continue;
    }
    const digits = HEX_DIGITS[e];
    const hex = digits === undefined ? '' : quoted.slice(i + 1, i + 1 + digits);
    if (digits === undefined || hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) return undefined;
    // `\uD83D\uDE00` (JSON) pairs up as two code units; Terraform writes `\U0001F600`.
    out += code <= 0xffff ? String.fromCharCode(code) : String.fromCodePoint(code);
    i += digits;
  }
  return out;
}

/** Index of the `]` closing the bracket at `open`, skipping quoted text. */
function findKeyEnd(text: string, open: number): number {
  let i = open + 1;
  if (text[i] === '"') {
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  }
  while (i < text.length && text[i] !== ']') i++;
  return i < text.length ? i : -1;
}

export function formatKey(key: InstanceKey | undefined): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

/** `module.a["k"].module.b[0]` (or `[*]`, deferred) -> steps; undefined for anything else. The root module is `''` -> []. */
export function parseModuleAddress(text: string | null | undefined): ModuleStep[] | undefined {
  if (text === null || text === undefined || text === '') return [];
  const tokens = tokenize(text);
  if (!tokens) return undefined;
  const steps: ModuleStep[] = [];
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i];
    const n = tokens[i + 1];
    if (t.kind !== 'name' || t.text !== 'module' || n?.kind !== 'name') return undefined;
    const k = tokens[i + 2];
    if (k?.kind === 'key') {
      steps.push({ name: n.text, key: k.key });
      i += 3;
    } else if (k?.kind === 'splat') {
      steps.push({ name: n.text, wildcard: true });
      i += 3;
    } else {
      steps.push({ name: n.text });
      i += 2;
    }
  }
  return steps;
}

/** The canonical module instance address: `module.a["k"].module.b[0]`, `''` for the root. */
export function formatModuleInstance(steps: readonly ModuleStep[]): string {
  return steps.map((s) => `module.${s.name}${s.wildcard ? '[*]' : formatKey(s.key)}`).join('.');
}

/** The module path in configuration, without instance keys: `module.a.module.b`. */
export function formatModulePath(steps: readonly ModuleStep[]): string {
  return steps.map((s) => `module.${s.name}`).join('.');
}

export function joinAddress(prefix: string, rest: string): string {
  return prefix === '' ? rest : `${prefix}.${rest}`;
}

/** A reference from configuration `expressions.*.references`. */
export type Reference =
  | { kind: 'resource'; mode: 'managed' | 'data'; type: string; name: string; key?: InstanceKey; hasKey: boolean; attribute: string[] }
  | { kind: 'module'; name: string; key?: InstanceKey; hasKey: boolean; output?: string }
  | { kind: 'var'; name: string }
  | { kind: 'local'; name: string }
  | { kind: 'count-index' }
  | { kind: 'each'; what: string }
  | { kind: 'ignored'; text: string }
  | { kind: 'unparsed'; text: string };

export function parseReference(text: string): Reference {
  const tokens = tokenize(text);
  if (!tokens || tokens.length === 0 || tokens[0].kind !== 'name') return { kind: 'unparsed', text };
  const head = tokens[0].text;
  const nameAt = (i: number) => (tokens[i]?.kind === 'name' ? (tokens[i] as { text: string }).text : undefined);
  const keyAt = (i: number) => (tokens[i]?.kind === 'key' ? (tokens[i] as { key: InstanceKey }).key : undefined);
  switch (head) {
    case 'var': {
      const name = nameAt(1);
      return name ? { kind: 'var', name } : { kind: 'unparsed', text };
    }
    case 'local': {
      const name = nameAt(1);
      return name ? { kind: 'local', name } : { kind: 'unparsed', text };
    }
    case 'count':
      return nameAt(1) === 'index' ? { kind: 'count-index' } : { kind: 'ignored', text };
    case 'each':
      return { kind: 'each', what: nameAt(1) ?? 'value' };
    case 'path':
    case 'terraform':
    case 'self':
      return { kind: 'ignored', text };
    case 'module': {
      const name = nameAt(1);
      if (!name) return { kind: 'unparsed', text };
      const key = keyAt(2);
      const hasKey = key !== undefined;
      const output = nameAt(hasKey ? 3 : 2);
      return { kind: 'module', name, key, hasKey, output };
    }
    case 'data': {
      const type = nameAt(1);
      const name = nameAt(2);
      if (!type || !name) return { kind: 'unparsed', text };
      const key = keyAt(3);
      return { kind: 'resource', mode: 'data', type, name, key, hasKey: key !== undefined, attribute: attributePath(tokens, key !== undefined ? 4 : 3) };
    }
    default: {
      const name = nameAt(1);
      if (!name) return { kind: 'unparsed', text };
      const key = keyAt(2);
      return { kind: 'resource', mode: 'managed', type: head, name, key, hasKey: key !== undefined, attribute: attributePath(tokens, key !== undefined ? 3 : 2) };
    }
  }
}

function attributePath(tokens: Token[], from: number): string[] {
  const out: string[] = [];
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'name') out.push(t.text);
    else break;
  }
  return out;
}
