import { InputError } from '../errors.js';
import type { SourceLocation } from '../model.js';
import { notUtf8, stripBom, utf8Bytes } from '../input/decode.js';
import { LineIndex } from '../input/text-position.js';
import { offsetOfPath, scanJson } from './json-syntax.js';
import type { JsonPath } from './json-syntax.js';
import { ByteLineIndex, MalformedEntry, TooLong, readPlanSelectively } from './plan-reader.js';

/**
 * A Terraform plan file as `terraform show -json plan.out` writes it, checked to be one.
 * Everything else a pipeline can leave in `plan.json` gets an error that says what the
 * file is and how to make a plan: state files, HCL, YAML, the streamed `plan -json` UI
 * log, the setup-terraform wrapper's stdout, the HCP Terraform redacted plan, a binary
 * planfile, cut-off or trailing JSON.
 */

/** Up to this size a file that is not a clean plan is decoded whole, to say exactly what is wrong. */
const TEXT_PATH_MAX_BYTES = 256 * 1024 * 1024;

export const HOW_TO_MAKE_A_PLAN = 'Make the plan JSON with `terraform plan -out=plan.out` then `terraform show -json plan.out > plan.json`.';

export interface PlanDocument {
  file: string;
  /**
   * The plan object, unwrapped from a `tfplan` key where the file is in OPA/Scalr input
   * style. A large plan is read selectively: `planned_values` and `prior_state` are then
   * placeholders, and their entries come from `extraEntries`.
   */
  plan: Record<string, unknown>;
  /** Where the plan object sits in the file, for wrapped plans. */
  wrappedUnder?: string;
  formatVersion?: string;
  terraformVersion?: string;
  /** Location of the value at a path of the plan object (best effort; the file start when not found). Error paths only. */
  at(path: JsonPath): SourceLocation;
  /** Where a resource address is first written in the plan, for findings no `.tf` places. */
  locateAddress(address: string): SourceLocation | undefined;
  /** Location of a byte offset (a resource entry's, from extraEntries). */
  locateOffset(offset: number): SourceLocation;
  /**
   * Resource entries of `planned_values` (`planned`) or of `prior_state`
   * (`prior`), whose address is not in `known`: what a plan holds beyond its changes.
   */
  extraEntries(which: 'planned' | 'prior', known: ReadonlySet<string>): Array<{ entry: unknown; offset?: number; path?: JsonPath }>;
}

const PLAN_KEYS = ['planned_values', 'resource_changes', 'prior_state', 'configuration'] as const;

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** What a non-plan text looks like, by its first lines; undefined when it may be JSON. */
function describeNonJson(text: string): string | undefined {
  const head = text.slice(0, 4096);
  if (/^\s*\[command\]/.test(head) || /^::(set-output|debug|group)/m.test(head)) {
    return 'this is the stdout of the hashicorp/setup-terraform wrapper (a "[command]…" line and "::set-output" lines around the JSON), not a plan file. Set `terraform_wrapper: false` on the setup-terraform step (or strip those lines), then write the plan with `terraform show -json plan.out > plan.json`.';
  }
  if (/^\s*(resource|data|module|provider|variable|output|locals|terraform)\s+("[^"\n]*"\s*)*\{/m.test(head)) {
    return `this is Terraform configuration (HCL), not a plan. topogate reads the plan JSON: ${HOW_TO_MAKE_A_PLAN}`;
  }
  if (/(Terraform will perform the following actions|Terraform used the selected providers|No changes\.|Plan: \d+ to add)/.test(head)) {
    return `this is the human-readable output of terraform plan or terraform show, not JSON. ${HOW_TO_MAKE_A_PLAN}`;
  }
  if (/^\s*(---\s*$|%YAML|version:\s*\d|[A-Za-z_][\w.-]*:\s)/m.test(head) && !/^\s*[{[]/.test(head)) {
    return `this looks like YAML, not a Terraform plan. Pass topology files with --topology (action input \`topology\`); for a plan, ${HOW_TO_MAKE_A_PLAN.charAt(0).toLowerCase()}${HOW_TO_MAKE_A_PLAN.slice(1)}`;
  }
  return undefined;
}

/** A top-level JSON object that is not a plan: what it is, or undefined when it may be one. */
function describeNonPlanObject(v: Record<string, unknown>): string | undefined {
  if ('plan_format_version' in v) {
    return 'this is an HCP Terraform redacted plan (the json-output-redacted API), which has no configuration and a different schema. Download the full plan JSON (`GET /api/v2/plans/:id/json-output`) or run `terraform show -json plan.out > plan.json` in the workspace.';
  }
  if ('lineage' in v && 'serial' in v && Array.isArray(v.resources)) {
    return `this is a Terraform state file (terraform.tfstate), not a plan: it describes what exists, not what the change will create. ${HOW_TO_MAKE_A_PLAN}`;
  }
  if (isObject(v.values) && !PLAN_KEYS.some((k) => k in v)) {
    return `this is the JSON of a Terraform state (\`terraform show -json\` without a plan file), not a plan. ${HOW_TO_MAKE_A_PLAN}`;
  }
  if ('provider_schemas' in v && !PLAN_KEYS.some((k) => k in v)) {
    return `this is the output of \`terraform providers schema -json\`, not a plan. ${HOW_TO_MAKE_A_PLAN}`;
  }
  if ('@level' in v || '@message' in v) {
    return 'this is the streamed log of `terraform plan -json` (one message per line), not the plan itself. Save the plan with `terraform plan -out=plan.out`, then write its JSON with `terraform show -json plan.out > plan.json`.';
  }
  if ('valid' in v && 'diagnostics' in v) return `this is the output of \`terraform validate -json\`, not a plan. ${HOW_TO_MAKE_A_PLAN}`;
  if ('AWSTemplateFormatVersion' in v || (isObject(v.Resources) && !('format_version' in v))) {
    return 'this is an AWS CloudFormation template, not a Terraform plan. topogate reads `terraform show -json` plans and topology files.';
  }
  if (typeof v.$schema === 'string' && /deploymentTemplate|deploymentParameters/i.test(v.$schema)) {
    return 'this is an Azure Resource Manager template, not a Terraform plan. topogate reads `terraform show -json` plans and topology files.';
  }
  if (Array.isArray(v.steps) && ('config' in v || 'changeSummary' in v)) {
    return 'this is the output of `pulumi preview --json`, not a Terraform plan. topogate reads `terraform show -json` plans and topology files.';
  }
  if (!('format_version' in v) && !PLAN_KEYS.some((k) => k in v)) {
    const keys = Object.keys(v).slice(0, 5).map((k) => `"${k}"`).join(', ');
    return `this JSON is not a Terraform plan: it has none of format_version, planned_values, resource_changes, configuration${keys ? ` (its keys start ${keys})` : ''}. ${HOW_TO_MAKE_A_PLAN}`;
  }
  return undefined;
}

function syntaxProblem(text: string, file: string, lines: LineIndex): InputError {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const scan = scanJson(text, start);
  if (!scan.ok) {
    const truncated = /ends before it is complete|never closed/.test(scan.message);
    return InputError.at(lines.at(scan.offset), `invalid JSON: ${scan.message}.${truncated ? ` Write the whole plan again: ${HOW_TO_MAKE_A_PLAN}` : ' Is this the output of `terraform show -json`?'}`);
  }
  // The first value is fine: something follows it.
  let rest = scan.end;
  while (rest < text.length && /\s/.test(text[rest])) rest++;
  const tail = text.slice(rest, rest + 200);
  if (/^(%0A|::set-output|::debug)/.test(tail)) {
    return InputError.at(lines.at(rest), 'the plan JSON is followed by the hashicorp/setup-terraform wrapper\'s "::set-output" lines. Set `terraform_wrapper: false` on the setup-terraform step (or strip those lines), then write the plan with `terraform show -json plan.out > plan.json`.');
  }
  if (/^\{\s*"@level"/.test(tail) || /^\{\s*"@message"/.test(tail)) {
    return InputError.at(lines.at(0), 'this is the streamed log of `terraform plan -json` (one message per line), not the plan itself. Save the plan with `terraform plan -out=plan.out`, then write its JSON with `terraform show -json plan.out > plan.json`.');
  }
  const end = lines.at(scan.end - 1);
  const shown = JSON.stringify(tail.slice(0, 20).split('\n')[0]);
  return InputError.at(lines.at(rest), `unexpected ${shown} after the end of the JSON: the plan object closes at line ${end.line} column ${end.column}, and a plan file holds exactly one JSON object. A brace closes too early, or something (another document, a log line) follows the plan; write it again: ${HOW_TO_MAKE_A_PLAN}`);
}

function parseVersion(v: unknown): { major: number; minor: number } | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(\d+)\.(\d+)/.exec(v);
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

/**
 * Decodes and checks a plan file; throws an InputError saying what the file is otherwise.
 * A well-formed plan is read from its bytes, parsing only what topogate uses; anything
 * else takes the full text path, which says exactly what is wrong and where.
 */
export function parsePlan(input: Uint8Array | string, file: string, options: { textPathMaxBytes?: number } = {}): PlanDocument {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(stripBom(input)) : utf8Bytes(input, file);
  const fast = readPlanSelectively(bytes);
  const lines = new ByteLineIndex(file, bytes);
  if ('problem' in fast) {
    if (fast.problem === 'too-long') throw tooLong(lines, fast.at, bytes.length);
    if (fast.problem === 'duplicate-key') {
      const first = lines.at(fast.first ?? 0);
      throw InputError.at(lines.at(fast.at), `the plan object has a second "${fast.key}" (the first is at line ${first.line} column ${first.column}); JSON readers keep only one of them, so part of the plan would be ignored. A plan written by Terraform holds each key once: write it again. ${HOW_TO_MAKE_A_PLAN}`);
    }
    // The full text path says exactly what is wrong, on a file that fits in a string.
    if (bytes.length <= (options.textPathMaxBytes ?? TEXT_PATH_MAX_BYTES)) return parsePlanText(decodeUtf8(bytes, file), file);
    const mib = (bytes.length / 1048576).toFixed(0);
    const what = {
      malformed: 'the JSON is not well formed here (cut off, or a stray character)',
      'trailing-data': 'something follows the plan object here, and a plan file holds exactly one JSON object',
      'not-a-plan': 'this JSON object is not a Terraform plan: it has none of format_version, planned_values, resource_changes, configuration',
    }[fast.problem];
    throw InputError.at(lines.at(fast.at), `this ${mib} MiB file is not a plan topogate can read: ${what}. ${HOW_TO_MAKE_A_PLAN}`);
  }
  let textual: PlanDocument | undefined;
  // Paths inside the plan are only needed for error messages: then decode the text once.
  const full = () => (textual ??= parsePlanText(decodeUtf8(bytes, file), file));
  const located = new Map<string, SourceLocation>();
  const doc: PlanDocument = {
    file,
    plan: fast.plan,
    formatVersion: typeof fast.plan.format_version === 'string' ? fast.plan.format_version : undefined,
    terraformVersion: typeof fast.plan.terraform_version === 'string' ? fast.plan.terraform_version : undefined,
    at: (path) => (path.length === 2 && path[0] === 'resource_changes' && typeof path[1] === 'number' && fast.changeOffsets[path[1]] !== undefined ? lines.at(fast.changeOffsets[path[1]]) : full().at(path)),
    locateAddress: (address) => {
      let loc = located.get(address);
      if (!loc) {
        const o = fast.addressOffsets.get(address);
        if (o === undefined) return undefined;
        located.set(address, (loc = lines.at(o)));
      }
      return loc;
    },
    locateOffset: (offset) => lines.at(offset),
    extraEntries: (which, known) => {
      try {
        return fast.extraEntries(which, known);
      } catch (e) {
        if (e instanceof TooLong) throw tooLong(lines, e.at, bytes.length);
        if (!(e instanceof MalformedEntry)) throw e;
        // Parsed only now, past the read: the full text path names the exact character.
        if (bytes.length <= (options.textPathMaxBytes ?? TEXT_PATH_MAX_BYTES)) full();
        throw InputError.at(lines.at(e.at), `invalid JSON in this resource entry (a bad escape or character in a string). ${HOW_TO_MAKE_A_PLAN}`);
      }
    },
  };
  checkPlanObject(doc.plan, doc.at, lines.at(0));
  return doc;
}

/** A value past JavaScript's string limit: nothing can parse it, so say where it is and what it is. */
function tooLong(lines: ByteLineIndex, at: number, size: number): InputError {
  return InputError.at(lines.at(at), `this ${(size / 1048576).toFixed(0)} MiB plan holds a single value here longer than the 512 MiB of text a JavaScript string can hold, so topogate cannot read it. Plans hold attribute values; is a file's whole content embedded in one (a variable or an attribute)? ${HOW_TO_MAKE_A_PLAN}`);
}

function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw notUtf8(bytes, file);
  }
}

function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Resource entries of a module tree, depth first, with their paths. */
/**
 * The resource entries of a module tree. Terraform 0.12 wrote a child module's entries with
 * addresses relative to the module (`aws_alb.alb` for `module.alb.aws_alb.alb`): managed
 * ones are left out, as they cannot be placed.
 */
function moduleEntries(root: unknown, base: JsonPath): Array<{ entry: Record<string, unknown>; path: JsonPath }> {
  const out: Array<{ entry: Record<string, unknown>; path: JsonPath }> = [];
  const stack: Array<{ module: unknown; path: JsonPath; nested: boolean }> = [{ module: root, path: base, nested: false }];
  while (stack.length > 0) {
    const { module, path, nested } = stack.pop()!;
    if (!isObj(module)) continue;
    (Array.isArray(module.resources) ? module.resources : []).forEach((r: unknown, i) => {
      if (!isObj(r)) return;
      if (nested && r.mode !== 'data' && typeof r.address === 'string' && !r.address.startsWith('module.')) return;
      out.push({ entry: r, path: [...path, 'resources', i] });
    });
    (Array.isArray(module.child_modules) ? module.child_modules : []).forEach((c: unknown, i) => stack.push({ module: c, path: [...path, 'child_modules', i], nested: true }));
  }
  return out;
}

/** The full text path: every check with its exact message; wrapped plans; small files. */
function parsePlanText(text: string, file: string): PlanDocument {
  const lines = new LineIndex(file, text);
  const start = { file, line: 1, column: 1 };
  if (text.trim() === '') throw InputError.at(start, `the file is empty. ${HOW_TO_MAKE_A_PLAN}`);

  const first = text.search(/\S/);
  const wrapper = /^\[command\]/.test(text.slice(first, first + 9));
  const nonJson = wrapper || !/^[{[]/.test(text.slice(first, first + 1)) ? describeNonJson(text) : undefined;
  if (nonJson) throw InputError.at(lines.at(first), nonJson);

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Streamed `plan -json` output is JSON lines: the first line parses on its own.
    const firstLine = text.slice(first).split('\n', 1)[0];
    try {
      const line = JSON.parse(firstLine) as unknown;
      if (isObject(line)) {
        const what = describeNonPlanObject(line);
        if (what && ('@level' in line || '@message' in line)) throw InputError.at(lines.at(first), what);
      }
    } catch (e) {
      if (e instanceof InputError) throw e;
    }
    throw syntaxProblem(text, file, lines);
  }

  if (!isObject(value)) {
    const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
    throw InputError.at(lines.at(first), `this JSON is ${kind}, not a Terraform plan (an object with format_version, planned_values, resource_changes). ${HOW_TO_MAKE_A_PLAN}`);
  }
  let plan = value;
  let wrappedUnder: string | undefined;
  // OPA / Scalr / Spacelift input style: { "tfplan": <plan>, "tfrun": {...} }.
  if (!('format_version' in value) && !PLAN_KEYS.some((k) => k in value)) {
    for (const key of ['tfplan', 'plan']) {
      const inner = value[key];
      if (isObject(inner) && ('format_version' in inner || PLAN_KEYS.some((k) => k in inner))) {
        plan = inner;
        wrappedUnder = key;
        break;
      }
    }
  }
  const base: JsonPath = wrappedUnder ? [wrappedUnder] : [];
  const at = (path: JsonPath): SourceLocation => {
    const offset = offsetOfPath(text, [...base, ...path]);
    return offset === undefined ? start : lines.at(offset);
  };

  checkPlanObject(plan, at, lines.at(first));
  let offsets: Map<string, number> | undefined;
  return {
    file,
    plan,
    wrappedUnder,
    formatVersion: typeof plan.format_version === 'string' ? plan.format_version : undefined,
    terraformVersion: typeof plan.terraform_version === 'string' ? plan.terraform_version : undefined,
    at,
    locateAddress: (address) => {
      if (!offsets) {
        offsets = new Map();
        const re = /"address"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          let a = m[1];
          if (a.includes('\\')) {
            try {
              a = JSON.parse(`"${a}"`) as string;
            } catch {
              continue;
            }
          }
          if (!offsets.has(a)) offsets.set(a, m.index);
        }
      }
      const o = offsets.get(address);
      return o === undefined ? undefined : lines.at(o);
    },
    locateOffset: (offset) => lines.at(offset),
    extraEntries: (which, known) => {
      const entries = which === 'planned'
        ? (isObj(plan.planned_values) ? moduleEntries(plan.planned_values.root_module, ['planned_values', 'root_module']) : [])
        : isObj(plan.prior_state) && isObj(plan.prior_state.values) ? moduleEntries(plan.prior_state.values.root_module, ['prior_state', 'values', 'root_module']) : [];
      return entries.filter((e) => !(typeof e.entry.address === 'string' && known.has(e.entry.address)));
    },
  };
}

/** What every plan object must be, whichever way it was read. */
function checkPlanObject(plan: Record<string, unknown>, at: (path: JsonPath) => SourceLocation, start: SourceLocation): void {
  const what = describeNonPlanObject(plan);
  if (what) throw InputError.at(start, what);
  const version = parseVersion(plan.format_version);
  if (plan.format_version !== undefined && typeof plan.format_version !== 'string') {
    throw InputError.at(at(['format_version']), `format_version must be a string such as "1.2", as \`terraform show -json\` writes it; this file has ${kindOf(plan.format_version)} ${JSON.stringify(plan.format_version)}. Is it hand-edited? ${HOW_TO_MAKE_A_PLAN}`);
  }
  if (plan.format_version !== undefined && (!version || version.major > 1 || (version.major === 0 && version.minor < 1))) {
    // A later format may come from a newer Terraform; 0.1 is the oldest (Terraform 0.12), and nothing writes "0.0" or "abc".
    const advice = version && version.major > 1 ? 'Upgrade topogate, or write the plan with a Terraform release that emits format 1.x.' : `No Terraform release writes it: is the file hand-edited? ${HOW_TO_MAKE_A_PLAN}`;
    throw InputError.at(at(['format_version']), `format_version ${JSON.stringify(plan.format_version)} is not one topogate reads (0.1 to 1.x, from Terraform 0.12 on). ${advice}`);
  }
  if (plan.errored === true) {
    throw InputError.at(at(['errored']), 'this plan is from a terraform plan that failed ("errored": true), so it is incomplete. Fix the errors terraform reported and make the plan again.');
  }
  // Terraform writes each of these as an array or an object, or leaves it out: never null.
  // Read as "nothing here", a null would check nothing and pass.
  const sections = new Set(['resource_changes', 'planned_values', 'prior_state', 'configuration', 'variables']);
  // In file order, so that the first one written is the one named.
  for (const key of Object.keys(plan).filter((k) => sections.has(k))) {
    const array = key === 'resource_changes';
    const value = plan[key];
    if (value === undefined || (array ? Array.isArray(value) : isObject(value))) continue;
    const must = array ? 'an array' : 'an object';
    const problem = value === null
      ? `"${key}" is null, which \`terraform show -json\` never writes (it writes ${must}, or leaves the key out), so nothing in it could be checked. Is this a plan made by terraform show -json?`
      : `"${key}" must be ${must} in a plan from \`terraform show -json\`; this file has ${kindOf(value)}. Is it hand-edited?`;
    throw InputError.at(at([key]), `${problem} ${HOW_TO_MAKE_A_PLAN}`);
  }
}

/** A JSON value's kind in words: "a number", "an array", "null". */
function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}
