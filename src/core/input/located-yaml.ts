import { CORE_SCHEMA, EVENT_ID, constructFromEvents, getScalarValue, mergeTag, parseEvents } from 'js-yaml';
import type { Event } from 'js-yaml';
import { InputError } from '../errors.js';
import { closerOf, closings, findUnclosed } from './yaml-unclosed.js';
import type { SourceLocation } from '../model.js';
import { stripBom } from './decode.js';
import { LineIndex } from './text-position.js';

/**
 * YAML parsed once into plain values plus the source position of every key and value,
 * so validation errors and findings point at the line that causes them.
 * Hostile input is bounded: size, nesting depth, aliases and the size an alias-heavy
 * document expands to are all limited, and every failure is an InputError.
 */

export type Path = ReadonlyArray<string | number>;

export interface YamlLimits {
  maxBytes: number;
  maxDepth: number;
  maxAliases: number;
  /** Nodes the value may expand to, aliases counted at every use. */
  maxNodes: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = { maxBytes: 8 * 1024 * 1024, maxDepth: 64, maxAliases: 1000, maxNodes: 500_000 };

export interface LocatedYaml {
  file: string;
  value: unknown;
  lines: LineIndex;
  /** Where the value at `path` starts, or the closest enclosing node that has a position. */
  at(path: Path): SourceLocation;
  /** Where the key of the last segment of `path` is written; the value's position where there is no key. */
  keyAt(path: Path): SourceLocation;
}

const SEP = '\u0000';
const pathKey = (path: Path): string => path.join(SEP);

interface Position {
  key?: number;
  value: number;
}

function recordPositions(text: string, events: Event[]): Map<string, Position> {
  const positions = new Map<string, Position>();
  let i = 0;

  const startOf = (e: Event): number => {
    let at = Number.MAX_SAFE_INTEGER;
    if (e.type === EVENT_ID.SCALAR) at = e.style === 2 || e.style === 3 ? e.valueStart - 1 : e.valueStart;
    else if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) at = e.start;
    else if (e.type === EVENT_ID.ALIAS) at = e.anchorStart - 1;
    if ('anchorStart' in e && e.type !== EVENT_ID.ALIAS && e.anchorStart >= 0) at = Math.min(at, e.anchorStart - 1);
    if ('tagStart' in e && e.tagStart >= 0) at = Math.min(at, e.tagStart);
    // An empty node (`-` or `key:` with nothing after it) has no position of its own: -1.
    return at === Number.MAX_SAFE_INTEGER || at < 0 ? -1 : at;
  };

  // Iterative walk: a deeply nested document must not overflow the stack.
  interface Frame {
    kind: 'seq' | 'map';
    path: string;
    index: number;
    pendingKey?: { text: string; offset: number };
    /** An anchored node (`&name`): its name, and where its positions start in `recorded`. */
    anchor?: { name: string; first: number };
    /** A sequence under `<<:`: the map its aliases merge into. */
    mergeInto?: string;
  }
  const stack: Frame[] = [];
  // Every path given a position, in order: an anchored node's are one slice of it.
  const recorded: string[] = [];
  const record = (p: string, pos: Position) => {
    if (!positions.has(p)) recorded.push(p);
    positions.set(p, pos);
  };
  const anchors = new Map<string, { path: string; keys: readonly string[] }>();
  const anchorName = (e: Event) => ('anchorStart' in e && e.anchorStart >= 0 ? text.slice(e.anchorStart, e.anchorEnd) : undefined);
  /**
   * `<<: *base` gives the map the keys of the anchored mapping: they take the positions where
   * they are written (in the anchor), unless the map writes them itself (its keys win).
   */
  const merge = (mapPath: string, alias: Event) => {
    const name = anchorName(alias);
    const anchored = name === undefined ? undefined : anchors.get(name);
    if (!anchored) return;
    const below = anchored.path === '' ? '' : `${anchored.path}${SEP}`;
    for (const k of anchored.keys) {
      if (!k.startsWith(below) || k === anchored.path) continue;
      const rest = k.slice(below.length);
      const target = mapPath === '' ? rest : `${mapPath}${SEP}${rest}`;
      if (!positions.has(target)) record(target, positions.get(k)!);
    }
  };
  const place = (offset: number): string | undefined => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    if (top.kind === 'seq') {
      const p = top.path === '' && stack.length === 1 ? String(top.index) : `${top.path}${SEP}${top.index}`;
      top.index++;
      // Without a position of its own, an item is placed by its sequence (find() walks up).
      if (offset >= 0) record(p, { value: offset });
      return p;
    }
    if (!top.pendingKey) return undefined; // this node is a key
    const p = stack.length === 1 ? top.pendingKey.text : `${top.path}${SEP}${top.pendingKey.text}`;
    record(p, { key: top.pendingKey.offset, value: offset >= 0 ? offset : top.pendingKey.offset });
    top.pendingKey = undefined;
    return p;
  };

  for (; i < events.length; i++) {
    const e = events[i];
    if (e.type === EVENT_ID.DOCUMENT) continue;
    if (e.type === EVENT_ID.POP) {
      const done = stack.pop();
      if (done?.anchor) anchors.set(done.anchor.name, { path: done.path, keys: recorded.slice(done.anchor.first) });
      continue;
    }
    const offset = startOf(e);
    const top = stack[stack.length - 1];
    const isKey = top?.kind === 'map' && !top.pendingKey;
    if (isKey) {
      if (e.type === EVENT_ID.SCALAR) {
        top.pendingKey = { text: getScalarValue(text, e), offset };
      } else {
        // A complex key (a mapping or sequence used as a key): its value gets no position of its own.
        top.pendingKey = { text: `\u0001complex${i}`, offset };
        if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) stack.push({ kind: e.type === EVENT_ID.MAPPING ? 'map' : 'seq', path: `\u0001skip${i}`, index: 0 });
      }
      continue;
    }
    // The map a `<<:` value merges into: the value is an alias, or a sequence of them.
    const mergeInto = top?.kind === 'map' && top.pendingKey?.text === '<<' ? top.path : top?.kind === 'seq' ? top.mergeInto : undefined;
    const p = stack.length === 0 ? '' : place(offset);
    if (stack.length === 0) record('', { value: Math.max(0, offset) });
    if (e.type === EVENT_ID.ALIAS && mergeInto !== undefined) merge(mergeInto, e);
    const name = e.type === EVENT_ID.ALIAS ? undefined : anchorName(e);
    if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) {
      stack.push({
        kind: e.type === EVENT_ID.MAPPING ? 'map' : 'seq',
        path: p ?? '',
        index: 0,
        anchor: name === undefined ? undefined : { name, first: recorded.length },
        mergeInto: e.type === EVENT_ID.SEQUENCE && top?.kind === 'map' && mergeInto !== undefined ? mergeInto : undefined,
      });
    } else if (name !== undefined && p !== undefined) {
      anchors.set(name, { path: p, keys: [] });
    }
  }
  return positions;
}

/** Counts nodes with aliases expanded, stopping at the limit (an alias bomb stops early). */
function expandedSizeExceeds(value: unknown, limit: number): boolean {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (++count > limit) return true;
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) stack.push(x);
  }
  return false;
}

function yamlHint(reason: string): string {
  if (/indentation|mapping entry|block mapping|block sequence/.test(reason)) return ' Check the indentation of this line against the lines above it (spaces only, no tabs).';
  if (/tab/.test(reason)) return ' YAML indents with spaces; replace the tab characters.';
  if (/duplicated mapping key/.test(reason)) return ' Each key may appear once in a mapping; remove or rename the repeated one.';
  if (/end of the stream/.test(reason)) return ' A quote or bracket opened here is never closed.';
  if (/maxDepth/.test(reason)) return ' The document is nested too deeply to be a topology or policy file.';
  if (/unidentified alias/.test(reason)) return ' An alias (*name) must name an anchor (&name) written above it; write the value out, or fix the name.';
  if (/alias/.test(reason)) return ' Too many aliases (*name): write the values out instead.';
  if (/unknown \w+ tag/.test(reason)) return ' YAML tags (!!binary, !foo) are not used in topology or policy files: remove the tag and write the value as plain text.';
  return '';
}

interface YamlException {
  reason?: string;
  mark?: { line: number; column: number; position?: number };
  message?: string;
}

/** js-yaml's error at its own position, with a hint. */
function yamlError(err: unknown, file: string): InputError {
  const e = err as YamlException;
  // A tag as written (!!binary, !foo), not as js-yaml resolves it (!<tag:yaml.org,2002:binary>, !<!foo>).
  const reason = (e.reason ?? e.message ?? String(err)).replace(/!<tag:yaml\.org,2002:([^>]*)>/g, '!!$1').replace(/!<(![^>]*)>/g, '$1');
  const at = e.mark ? { file, line: e.mark.line + 1, column: e.mark.column + 1 } : { file, line: 1, column: 1 };
  return InputError.at(at, `invalid YAML: ${reason}.${yamlHint(reason)}`);
}

/**
 * A syntax error. A quote or bracket never closed is noticed by js-yaml lines later: when
 * closing the openers the scan finds lets the parser get past where it stopped, the
 * innermost opener is the slip, and the error points at it.
 */
function syntaxError(err: unknown, text: string, lines: LineIndex, parse: (t: string) => unknown): InputError {
  const e = err as YamlException;
  const stop = e.mark?.position;
  const openers = stop === undefined ? [] : findUnclosed(text).filter((o) => o.offset < stop);
  if (stop === undefined || openers.length === 0) return yamlError(err, lines.file);
  const getsFurther = (closed: { text: string; shift: number }): boolean => {
    try {
      parse(closed.text);
      return true;
    } catch (again) {
      const next = (again as YamlException).mark?.position;
      return next !== undefined && next > stop + closed.shift;
    }
  };
  if (!closings(text, openers, stop).some(getsFurther)) return yamlError(err, lines.file);
  const name = (c: string) => ({ '"': 'double quote (")', "'": "single quote (')", '[': 'bracket [', '{': 'brace {' })[c] ?? c;
  const open = openers[openers.length - 1];
  const where = text.slice(stop).trim() === '' ? 'at the end of the file' : `at line ${(e.mark?.line ?? 0) + 1}`;
  // The innermost is the one to close first; the ones around it are named, with where they open.
  const outer = openers.slice(0, -1).reverse().map((o) => {
    const at = lines.at(o.offset);
    return `the ${name(o.char)} at line ${at.line}, column ${at.column}`;
  });
  const also = outer.length > 0 ? ` Then close ${outer.join(', then ')}, which ${outer.length === 1 ? 'is' : 'are'} never closed either.` : '';
  return InputError.at(lines.at(open.offset), `invalid YAML: the ${name(open.char)} opened here is never closed (the parser stops ${where}: ${e.reason ?? e.message}). Close it with ${closerOf(open.char)} where the value ends.${also}`);
}

export function parseYaml(input: string, file: string, limits: YamlLimits = DEFAULT_YAML_LIMITS): LocatedYaml {
  const text = stripBom(input);
  const lines = new LineIndex(file, text);
  const start = { file, line: 1, column: 1 };
  if (text.length > limits.maxBytes) {
    throw InputError.at(start, `the file is ${(text.length / 1048576).toFixed(1)} MiB; files of this kind are limited to ${(limits.maxBytes / 1048576).toFixed(0)} MiB. Is this the right file?`);
  }
  if (text.trim() === '') throw InputError.at(start, 'the file is empty. Write a YAML document (see the README for the format).');

  let documents: unknown[];
  let events: Event[];
  const parse = (t: string) => parseEvents(t, { filename: file, maxDepth: limits.maxDepth });
  try {
    events = parse(text);
  } catch (err) {
    throw syntaxError(err, text, lines, parse);
  }
  try {
    documents = constructFromEvents(events, { source: text, filename: file, schema: CORE_SCHEMA.withTags(mergeTag), maxAliases: limits.maxAliases });
  } catch (err) {
    const e = yamlError(err, file);
    // js-yaml places a complex key (`? [a, b]`, `[a, b]: 1`) at the start of the file: the first one is the culprit.
    if (/complex key/.test(e.message)) {
      const offsets = [...recordPositions(text, events)].filter(([k]) => k.includes('\u0001complex')).map(([, p]) => p.key ?? p.value);
      if (offsets.length > 0) throw InputError.at(lines.at(Math.min(...offsets)), 'invalid YAML: this key is a list or a mapping (a complex key), and keys here are plain words. Write the key as a word, or quote it.');
    }
    throw e;
  }
  if (documents.length !== 1) {
    throw InputError.at(start, documents.length === 0 ? 'the file has no YAML document.' : `the file holds ${documents.length} YAML documents (separated by ---); put one document per file.`);
  }
  const value = documents[0];
  if (expandedSizeExceeds(value, limits.maxNodes)) {
    throw InputError.at(start, `the document expands to more than ${limits.maxNodes} values (aliases included); this is far larger than any topology or policy. Write it out without alias chains.`);
  }
  const positions = recordPositions(text, events);

  const find = (path: Path): { pos: Position; exact: boolean } => {
    for (let n = path.length; n >= 0; n--) {
      const pos = positions.get(pathKey(path.slice(0, n)));
      if (pos) return { pos, exact: n === path.length };
    }
    return { pos: { value: 0 }, exact: false };
  };
  return {
    file,
    value,
    lines,
    at: (path) => lines.at(find(path).pos.value),
    keyAt: (path) => {
      const { pos, exact } = find(path);
      return lines.at(exact && pos.key !== undefined ? pos.key : pos.value);
    },
  };
}
