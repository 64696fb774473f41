import { isAscii } from 'node:buffer';

/**
 * Reads a plan's JSON from its bytes, parsing only what topogate uses. A plan repeats
 * its resources in `planned_values` and `prior_state`, and each change carries `before`
 * beside `after`; JSON.parse on the whole file builds all of it. This reader scans the
 * bytes (strings skipped with indexOf, structure by a byte loop: several times faster
 * than building values) and hands JSON.parse only the pieces it needs:
 *
 * - every top-level value except `planned_values`, `prior_state` and the other sections
 *   topogate never reads (`resource_drift`, `output_changes`, `relevant_attributes`,
 *   `checks`);
 * - each resource change's header, `actions`, `after` and `after_unknown`; `before` only
 *   for a deletion or a `forget`;
 * - from `planned_values` and `prior_state` only the resource entries the changes do not
 *   list (their addresses and modes are read while scanning).
 *
 * Skipped bytes are still checked to hold only what JSON allows outside strings, and the
 * brackets must balance. Anything unexpected returns undefined: the caller then takes the
 * full path (decode, JSON.parse, a located syntax error), so messages are the same.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** Bytes allowed outside strings in JSON: white space, structure, numbers, true/false/null. */
const ALLOWED = new Uint8Array(256);
for (const c of ' \t\r\n{}[],:-+.0123456789eEtrufalsn') ALLOWED[c.charCodeAt(0)] = 1;

const isWs = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

class Malformed extends Error {
  constructor(readonly at: number) {
    super('malformed JSON');
  }
}

/** A key the plan object holds twice. */
class DuplicateKey extends Error {
  constructor(
    readonly key: string,
    readonly first: number,
    readonly at: number,
  ) {
    super('duplicate key');
  }
}

/** A value whose text is longer than a JavaScript string can be (about 512 MiB): it cannot be parsed. */
export class TooLong extends Error {
  constructor(readonly at: number) {
    super('a value too long for a string');
  }
}

/** Runs `make`, turning V8's string-length limit into TooLong at `at`. */
function withinStringLimit<T>(at: number, make: () => T): T {
  try {
    return make();
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ERR_STRING_TOO_LONG' || e instanceof RangeError) throw new TooLong(at);
    throw e;
  }
}

const SKIPPED = new Set(['resource_drift', 'output_changes', 'relevant_attributes', 'checks']);

/**
 * A resource entry of planned_values or prior_state, located but not yet parsed. Its
 * address is kept as raw bytes with a hash: most entries repeat a change's address, and
 * comparing bytes spares decoding tens of thousands of strings.
 */
interface EntryCandidate {
  /** The address string's bytes, quotes excluded (still JSON-escaped). */
  addressStart: number;
  addressEnd: number;
  hash: number;
  /** Where its "address" key is written. */
  addressAt: number;
  /** Where its "mode" value's opening quote is, or -1. */
  modeAt: number;
  /** In a child module (not the root module). */
  nested: boolean;
  start: number;
  end: number;
}

/** Raised by a lazy step (an entry parsed after the read) when its bytes are not valid JSON. */
export class MalformedEntry extends Error {
  constructor(readonly at: number) {
    super('malformed JSON in a plan entry');
  }
}

export interface SelectivePlan {
  /** The plan object: parsed sections, `{}` placeholders for skipped ones. */
  plan: Record<string, unknown>;
  /** Byte offset of each resource change, in order. */
  changeOffsets: number[];
  /**
   * Byte offset where each resource address is first written: the changes', then those of
   * the entries `extraEntries` returns (added as it returns them).
   */
  addressOffsets: Map<string, number>;
  /**
   * The entries of `planned_values` (`which: 'planned'`) or of `prior_state`
   * (`'prior'`) whose address is neither a change's nor in `known`, parsed now, with their
   * offsets. Throws MalformedEntry where such an entry's bytes are not valid JSON.
   */
  extraEntries(which: 'planned' | 'prior', known: ReadonlySet<string>): Array<{ entry: unknown; offset: number }>;
}

class ByteReader {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(readonly b: Uint8Array) {}

  ws(i: number): number {
    const b = this.b;
    while (i < b.length && isWs(b[i])) i++;
    return i;
  }

  /** Index just after the string whose opening quote is at `i`. */
  skipString(i: number): number {
    const b = this.b;
    let from = i + 1;
    for (;;) {
      const q = b.indexOf(QUOTE, from);
      if (q < 0) throw new Malformed(i);
      let k = q - 1;
      while (b[k] === BACKSLASH) k--;
      if ((q - 1 - k) % 2 === 0) return q + 1;
      from = q + 1;
    }
  }

  readString(i: number): { value: string; end: number } {
    if (this.b[i] !== QUOTE) throw new Malformed(i);
    const end = this.skipString(i);
    const raw = this.b.subarray(i + 1, end - 1);
    // Most keys and addresses have no escapes: decode them directly.
    return { value: raw.includes(BACKSLASH) ? (JSON.parse(this.decode(i, end)) as string) : withinStringLimit(i, () => this.decoder.decode(raw)), end };
  }

  /** Index just after the value starting at `i`. */
  skipValue(i: number): number {
    const b = this.b;
    const c = b[i];
    if (c === QUOTE) return this.skipString(i);
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) return this.skipRestOfContainer(i + 1);
    const start = i;
    while (i < b.length && b[i] !== COMMA && b[i] !== CLOSE_OBJECT && b[i] !== CLOSE_ARRAY && !isWs(b[i])) {
      if (!ALLOWED[b[i]]) throw new Malformed(i);
      i++;
    }
    if (i === start) throw new Malformed(i);
    return i;
  }

  decode(start: number, end: number): string {
    return withinStringLimit(start, () => this.decoder.decode(this.b.subarray(start, end)));
  }

  parse(start: number, end: number): unknown {
    return JSON.parse(this.decode(start, end));
  }

  /** FNV-1a of the bytes in [start, end): a quick key for comparing raw strings. */
  hash(start: number, end: number): number {
    const b = this.b;
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ b[i], 0x01000193);
    return h >>> 0;
  }

  /** Whether the bytes in [a, a + length) and [c, c + length) are the same. */
  sameBytes(a: number, c: number, length: number): boolean {
    const b = this.b;
    for (let k = 0; k < length; k++) if (b[a + k] !== b[c + k]) return false;
    return true;
  }

  /** Whether the key whose opening quote is at `at` is exactly `name` (ASCII, no escapes). */
  keyIs(at: number, name: Uint8Array): boolean {
    return this.b[at + 1 + name.length] === QUOTE && this.startsWith(at + 1, name);
  }

  /** Whether the bytes at `at` begin with `name`. */
  startsWith(at: number, name: Uint8Array): boolean {
    const b = this.b;
    for (let k = 0; k < name.length; k++) if (b[at + k] !== name[k]) return false;
    return true;
  }

  /**
   * Calls `onEntry(keyAt, valueStart)` for each member of the object at `i` (`keyAt`: the
   * key's opening quote; compare with keyIs, decode with readString only when needed);
   * `onEntry` returns the index just after the value. Returns the index after the brace.
   */
  object(i: number, onEntry: (keyAt: number, valueAt: number) => number): number {
    const b = this.b;
    if (b[i] !== OPEN_OBJECT) throw new Malformed(i);
    i = this.ws(i + 1);
    if (b[i] === CLOSE_OBJECT) return i + 1;
    for (;;) {
      const keyAt = i;
      if (b[i] !== QUOTE) throw new Malformed(i);
      i = this.ws(this.skipString(i));
      if (b[i] !== COLON) throw new Malformed(i);
      i = this.ws(onEntry(keyAt, this.ws(i + 1)));
      if (b[i] === COMMA) i = this.ws(i + 1);
      else if (b[i] === CLOSE_OBJECT) return i + 1;
      else throw new Malformed(i);
    }
  }

  /** From inside an object or array (past its opening bracket), the index just after it. */
  skipRestOfContainer(i: number): number {
    const b = this.b;
    let depth = 1;
    while (i < b.length) {
      const ch = b[i];
      if (ch === QUOTE) {
        i = this.skipString(i);
        continue;
      }
      if (ch === OPEN_OBJECT || ch === OPEN_ARRAY) depth++;
      else if (ch === CLOSE_OBJECT || ch === CLOSE_ARRAY) {
        if (--depth === 0) return i + 1;
      } else if (!ALLOWED[ch]) throw new Malformed(i);
      i++;
    }
    throw new Malformed(i);
  }

  /** Calls `onItem(valueStart, index)` for each element of the array at `i`. */
  array(i: number, onItem: (valueAt: number, index: number) => number): number {
    const b = this.b;
    if (b[i] !== OPEN_ARRAY) throw new Malformed(i);
    i = this.ws(i + 1);
    if (b[i] === CLOSE_ARRAY) return i + 1;
    for (let n = 0; ; n++) {
      i = this.ws(onItem(i, n));
      if (b[i] === COMMA) i = this.ws(i + 1);
      else if (b[i] === CLOSE_ARRAY) return i + 1;
      else throw new Malformed(i);
    }
  }
}

const PLAN_KEYS = ['format_version', 'planned_values', 'resource_changes', 'prior_state', 'configuration'];

const ascii = (s: string) => new TextEncoder().encode(s);
const K = {
  address: ascii('address'),
  mode: ascii('mode'),
  change: ascii('change'),
  actions: ascii('actions'),
  before: ascii('before'),
  data: ascii('data'),
  module: ascii('module.'),
  resources: ascii('resources'),
  childModules: ascii('child_modules'),
  rootModule: ascii('root_module'),
  values: ascii('values'),
};

/**
 * One resource change, parsed in one JSON.parse call: the entry's text with `change.before`
 * cut out (replaced by null) unless the change deletes or forgets the resource, the only
 * case where the model reads it.
 */
function readChange(r: ByteReader, at: number): { change: Record<string, unknown>; end: number; addressAt: number; addressValue: number; addressEnd: number } {
  let addressAt = at;
  let addressValue = -1;
  let addressEnd = -1;
  let before: [number, number] | undefined;
  let deletes = false;
  const end = r.object(at, (keyAt, v) => {
    if (r.keyIs(keyAt, K.address)) {
      addressAt = keyAt;
      if (r.b[v] === QUOTE) {
        addressValue = v;
        return (addressEnd = r.skipString(v));
      }
    }
    if (!r.keyIs(keyAt, K.change) || r.b[v] !== OPEN_OBJECT) return r.skipValue(v);
    return r.object(v, (ck, cv) => {
      const cEnd = r.skipValue(cv);
      if (r.keyIs(ck, K.actions)) {
        const actions = r.parse(cv, cEnd);
        deletes = Array.isArray(actions) && (actions.includes('delete') || actions.includes('forget'));
      } else if (r.keyIs(ck, K.before)) before = [cv, cEnd];
      return cEnd;
    });
  });
  const cut = before && !deletes && before[1] - before[0] > 4 ? before : undefined;
  const text = cut ? withinStringLimit(at, () => `${r.decode(at, cut[0])}null${r.decode(cut[1], end)}`) : r.decode(at, end);
  return { change: JSON.parse(text) as Record<string, unknown>, end, addressAt, addressValue, addressEnd };
}

/** Resource entries of a module tree (planned_values or prior_state), located by address. */
/** Deeper than any module tree Terraform makes: past it the text path reports the file. */
const MAX_MODULE_NESTING = 64;

function scanModule(r: ByteReader, at: number, into: EntryCandidate[], depth = 0): number {
  if (depth > MAX_MODULE_NESTING) throw new Malformed(at);
  return r.object(at, (key, v) => {
    if (r.keyIs(key, K.resources)) {
      return r.array(v, (item) => {
        // Terraform writes "address" and "mode" first: read members until both are seen,
        // then skip the rest of the entry without looking at its keys. Neither is decoded.
        let addressStart = -1;
        let addressEnd = -1;
        let addressAt = item;
        let modeAt = -1;
        const b = r.b;
        let i = r.ws(item + 1);
        if (b[item] !== OPEN_OBJECT) throw new Malformed(i);
        while (b[i] === QUOTE && (addressStart < 0 || modeAt < 0)) {
          const keyAt = i;
          i = r.ws(r.skipString(i));
          if (b[i] !== COLON) throw new Malformed(i);
          i = r.ws(i + 1);
          const value = i;
          i = r.skipValue(i);
          if (b[value] === QUOTE) {
            if (r.keyIs(keyAt, K.address)) {
              addressStart = value + 1;
              addressEnd = i - 1;
              addressAt = keyAt;
            } else if (r.keyIs(keyAt, K.mode)) modeAt = value;
          }
          i = r.ws(i);
          if (b[i] === COMMA) i = r.ws(i + 1);
        }
        const end = b[i] === CLOSE_OBJECT ? i + 1 : r.skipRestOfContainer(i);
        if (addressStart >= 0) into.push({ addressStart, addressEnd, hash: r.hash(addressStart, addressEnd), addressAt, modeAt, nested: depth > 0, start: item, end });
        return end;
      });
    }
    if (r.keyIs(key, K.childModules)) return r.array(v, (child) => scanModule(r, child, into, depth + 1));
    return r.skipValue(v);
  });
}

function readPlanObject(r: ByteReader, at: number): { result: SelectivePlan; end: number } {
  const plan: Record<string, unknown> = {};
  const changeOffsets: number[] = [];
  const changeAddressAt: number[] = [];
  /** Each change's raw address bytes, quotes excluded ([-1, -1] where it has no string address). */
  const changeAddresses: Array<[number, number]> = [];
  const planned: EntryCandidate[] = [];
  const prior: EntryCandidate[] = [];
  const seen = new Map<string, number>();
  const end = r.object(at, (keyAt, v) => {
    const key = r.readString(keyAt).value;
    // JSON.parse would keep the last of two: a second `resource_changes: []` would empty the plan.
    const first = seen.get(key);
    if (first !== undefined) throw new DuplicateKey(key, first, keyAt);
    seen.set(key, keyAt);
    if (key === 'resource_changes' && r.b[v] === OPEN_ARRAY) {
      const changes: unknown[] = [];
      const e = r.array(v, (item) => {
        changeOffsets.push(item);
        const c = readChange(r, item);
        changes.push(c.change);
        changeAddressAt.push(c.addressAt);
        changeAddresses.push(c.addressValue < 0 ? [-1, -1] : [c.addressValue + 1, c.addressEnd - 1]);
        return c.end;
      });
      plan[key] = changes;
      return e;
    }
    if (key === 'planned_values' && r.b[v] === OPEN_OBJECT) {
      plan[key] = {};
      return r.object(v, (k, kv) => (r.keyIs(k, K.rootModule) && r.b[kv] === OPEN_OBJECT ? scanModule(r, kv, planned) : r.skipValue(kv)));
    }
    if (key === 'prior_state' && r.b[v] === OPEN_OBJECT) {
      plan[key] = {};
      return r.object(v, (k, kv) =>
        r.keyIs(k, K.values) && r.b[kv] === OPEN_OBJECT ? r.object(kv, (vk, vv) => (r.keyIs(vk, K.rootModule) && r.b[vv] === OPEN_OBJECT ? scanModule(r, vv, prior) : r.skipValue(vv))) : r.skipValue(kv),
      );
    }
    const e = r.skipValue(v);
    plan[key] = SKIPPED.has(key) ? {} : r.parse(v, e);
    return e;
  });
  const addressOffsets = new Map<string, number>();
  (plan.resource_changes as Array<{ address?: unknown }> | undefined)?.forEach((c, i) => {
    if (typeof c.address === 'string' && !addressOffsets.has(c.address)) addressOffsets.set(c.address, changeAddressAt[i]);
  });
  // The changes' raw addresses by hash (a chain per hash), to pass over the entries that repeat them.
  const firstWithHash = new Map<number, number>();
  const nextWithHash = new Int32Array(changeAddresses.length).fill(-1);
  changeAddresses.forEach(([start, endAt], i) => {
    if (start < 0) return;
    const h = r.hash(start, endAt);
    const first = firstWithHash.get(h);
    if (first !== undefined) nextWithHash[i] = first;
    firstWithHash.set(h, i);
  });
  const isChangeAddress = (c: EntryCandidate): boolean => {
    const length = c.addressEnd - c.addressStart;
    for (let i = firstWithHash.get(c.hash) ?? -1; i >= 0; i = nextWithHash[i]) {
      const [start, endAt] = changeAddresses[i];
      if (endAt - start === length && r.sameBytes(start, c.addressStart, length)) return true;
    }
    return false;
  };
  const decoded = (quoteAt: number): string => {
    try {
      return r.readString(quoteAt).value;
    } catch {
      throw new MalformedEntry(quoteAt);
    }
  };
  const isData = (c: EntryCandidate) => c.modeAt >= 0 && (r.keyIs(c.modeAt, K.data) || decoded(c.modeAt) === 'data');
  const extraEntries = (which: 'planned' | 'prior', known: ReadonlySet<string>) => {
    const out: Array<{ entry: unknown; offset: number }> = [];
    for (const c of which === 'planned' ? planned : prior) {
      if (isChangeAddress(c)) continue;
      // Terraform 0.12 wrote a child module's entries with addresses relative to the module
      // (`aws_alb.alb` for `module.alb.aws_alb.alb`): such a resource cannot be placed.
      if (c.nested && !r.startsWith(c.addressStart, K.module) && !isData(c)) continue;
      const address = decoded(c.addressStart - 1);
      if (known.has(address)) continue;
      if (!addressOffsets.has(address)) addressOffsets.set(address, c.addressAt);
      let entry: unknown;
      try {
        entry = r.parse(c.start, c.end);
      } catch (e) {
        throw e instanceof TooLong ? e : new MalformedEntry(c.start);
      }
      out.push({ entry, offset: c.start });
    }
    return out;
  };
  return { result: { plan, changeOffsets, addressOffsets, extraEntries }, end };
}

/** Why a selective read gave up, and where: the full text path says it exactly (on files it can decode). */
export interface SelectiveFailure {
  problem: 'malformed' | 'trailing-data' | 'not-a-plan' | 'too-long' | 'duplicate-key';
  at: number;
  /** For a duplicate key: the key and where it is first written. */
  key?: string;
  first?: number;
}

/**
 * The plan in `bytes` (UTF-8, no byte-order mark), read selectively; a failure when the
 * bytes are not one well-formed JSON object holding a plan.
 */
export function readPlanSelectively(bytes: Uint8Array): SelectivePlan | SelectiveFailure {
  const r = new ByteReader(bytes);
  try {
    const start = r.ws(0);
    if (bytes[start] !== OPEN_OBJECT) return { problem: 'malformed', at: start };
    const { result, end } = readPlanObject(r, start);
    // Trailing data, a wrapped plan (OPA / Scalr input) or something that is not a plan:
    // the full path knows what to say, and such files are small.
    const after = r.ws(end);
    if (after !== bytes.length) return { problem: 'trailing-data', at: after };
    if (!PLAN_KEYS.some((k) => k in result.plan)) return { problem: 'not-a-plan', at: start };
    return result;
  } catch (e) {
    if (e instanceof Malformed) return { problem: 'malformed', at: e.at };
    if (e instanceof TooLong) return { problem: 'too-long', at: e.at };
    if (e instanceof DuplicateKey) return { problem: 'duplicate-key', at: e.at, key: e.key, first: e.first };
    if (e instanceof SyntaxError || e instanceof TypeError) return { problem: 'malformed', at: 0 };
    throw e;
  }
}

/**
 * Line and column of a byte offset: lines by line feeds, columns in characters (code
 * points). Terraform writes a plan on one line, so prefix counts are cached per 4 KiB
 * block to keep a late column cheap.
 */
export class ByteLineIndex {
  private lineStarts?: number[];
  /** For each line start: characters before each 4 KiB block of the line, extended on demand. */
  private readonly prefixes = new Map<number, number[]>();
  /** Per line start: whether each block is plain ASCII (a column there is a byte count). */
  private readonly asciiBlocks = new Map<number, boolean[]>();

  constructor(
    readonly file: string,
    private readonly b: Uint8Array,
  ) {}

  private starts(): number[] {
    if (!this.lineStarts) {
      const s = [0];
      for (let i = this.b.indexOf(0x0a); i >= 0; i = this.b.indexOf(0x0a, i + 1)) s.push(i + 1);
      this.lineStarts = s;
    }
    return this.lineStarts;
  }

  private ascii?: boolean;

  /** Whether the whole file is ASCII (the usual plan): then a column is a byte count. */
  private allAscii(): boolean {
    // Node's native check reads the bytes many at a time: about ten times a JS loop's speed on a 90 MB plan.
    this.ascii ??= isAscii(this.b);
    return this.ascii;
  }

  /** Characters (not continuation bytes) in [from, to). */
  private chars(from: number, to: number): number {
    let n = 0;
    for (let i = from; i < to; i++) if ((this.b[i] & 0xc0) !== 0x80) n++;
    return n;
  }

  at(offset: number): { file: string; line: number; column: number } {
    const starts = this.starts();
    const o = Math.max(0, Math.min(offset, this.b.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = starts[lo];
    if (this.allAscii()) return { file: this.file, line: lo + 1, column: o - lineStart + 1 };
    const BLOCK = 4096;
    const block = Math.floor((o - lineStart) / BLOCK);
    let prefix = this.prefixes.get(lineStart);
    let ascii = this.asciiBlocks.get(lineStart);
    if (!prefix || !ascii) {
      this.prefixes.set(lineStart, (prefix = [0]));
      this.asciiBlocks.set(lineStart, (ascii = []));
    }
    while (prefix.length <= block + 1) {
      const k = prefix.length - 1;
      const from = lineStart + k * BLOCK;
      const to = Math.min(from + BLOCK, this.b.length);
      const n = this.chars(from, to);
      prefix.push(prefix[k] + n);
      ascii.push(n === to - from);
      if (to === this.b.length) break;
    }
    const blockStart = lineStart + block * BLOCK;
    const column = prefix[block] + (ascii[block] ? o - blockStart : this.chars(blockStart, o));
    return { file: this.file, line: lo + 1, column: column + 1 };
  }
}
