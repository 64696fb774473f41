import type { ErrorObject, ValidateFunction } from 'ajv';
import * as precompiled from './validators.generated.js';
import type { InputProblem } from '../errors.js';
import type { LocatedYaml, Path } from './located-yaml.js';
import { closest } from './closest-word.js';

/**
 * JSON Schema validation (ajv) whose errors read like a reviewer wrote them: each one
 * names the thing by its name (`server "fe-1"`), sits on the line of the offending key
 * or value, and says what to write instead. Raw JSON pointers never reach the user.
 */

/**
 * A validator compiled ahead of time (`npm run schemas` writes validators.generated.js):
 * ajv compiling at run time cost ~70 ms of every start-up.
 */
export function precompiledValidator(name: string): ValidateFunction {
  const fn = (precompiled as unknown as Record<string, ValidateFunction | undefined>)[name];
  if (!fn) throw new Error(`no precompiled validator "${name}": run npm run schemas`);
  return fn;
}

function pointerToPath(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[seg as string];
  }
  return v;
}

/** `environment "production" > server "fe-1" > port`: what a person calls the place. */
export function describePath(root: unknown, path: Path, kinds: Readonly<Record<string, string>> = {}): string {
  const parts: string[] = [];
  let v = root;
  let parentKey = '';
  for (const seg of path) {
    const next = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[seg as string] : undefined;
    if (Array.isArray(v)) {
      const named = next !== null && typeof next === 'object' && !Array.isArray(next) ? ((next as Record<string, unknown>).name ?? (next as Record<string, unknown>).id) : undefined;
      const kind = kinds[parentKey] ?? `${parentKey} item`;
      parts.pop();
      parts.push(typeof named === 'string' && named !== '' ? `${kind} "${named}"` : `${kind} #${Number(seg) + 1}`);
    } else {
      parts.push(String(seg));
    }
    parentKey = String(seg);
    v = next;
  }
  return parts.join(' > ') || 'the document';
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list' : 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `${typeof v} ${String(v)}`;
}

function expected(type: unknown): string {
  const names: Record<string, string> = { object: 'a mapping (key: value)', array: 'a list', string: 'text', integer: 'a whole number', number: 'a number', boolean: 'true or false', null: 'empty' };
  const list = Array.isArray(type) ? type : [type];
  return list.map((t) => names[String(t)] ?? String(t)).join(' or ');
}

/** Drops the branch errors under a failed anyOf/oneOf: one message per place, not one per branch. */
function collapseAlternatives(errors: ErrorObject[]): ErrorObject[] {
  const alternatives = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  return errors.filter((e) => {
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') {
      // An outer alternative that holds an inner one: keep the inner (more precise) one.
      return !alternatives.some((o) => o !== e && o.schemaPath.startsWith(`${e.schemaPath}/`) && o.instancePath.startsWith(e.instancePath));
    }
    return !alternatives.some((a) => e.schemaPath.startsWith(`${a.schemaPath}/`) && (e.instancePath === a.instancePath || e.instancePath.startsWith(`${a.instancePath}/`)));
  });
}

/**
 * Validates a located document and returns every problem, each with its line, column
 * and a sentence a person understands. `kinds` names list items (`servers` -> `server`).
 */
export function validateLocated(validate: ValidateFunction, doc: LocatedYaml, kinds: Readonly<Record<string, string>> = {}, base: Path = []): InputProblem[] {
  if (validate(valueAt(doc.value, base))) return [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const errors = collapseAlternatives(validate.errors ?? []);
  // A misspelt key is one mistake, not two: drop "x is required" where an unknown key suggests x.
  const misspelt = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties') continue;
    const extra = (e.params as { additionalProperty: string }).additionalProperty;
    const suggestion = closest(extra, Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {}));
    if (suggestion) misspelt.add(`${e.instancePath}\0${suggestion}`);
  }
  // A text too short usually fails its pattern too: one mistake, said once (the length is the clearer).
  const tooShort = new Set(errors.filter((e) => e.keyword === 'minLength').map((e) => e.instancePath));
  for (const e of errors) {
    if (e.keyword === 'required' && misspelt.has(`${e.instancePath}\0${(e.params as { missingProperty: string }).missingProperty}`)) continue;
    if (e.keyword === 'pattern' && tooShort.has(e.instancePath)) continue;
    // `if`/`then` wrappers repeat what their inner error already says.
    if (e.keyword === 'if') continue;
    const path = [...base, ...pointerToPath(e.instancePath)];
    const where = describePath(doc.value, path, kinds);
    const hint = (e.parentSchema as { 'x-hint'?: string } | undefined)?.['x-hint'];
    const data = valueAt(doc.value, path);
    const last = path[path.length - 1];
    // A list item is already named by `where` (opening #1): its index is no key.
    const key = path.length === 0 ? 'the document' : Array.isArray(valueAt(doc.value, path.slice(0, -1))) ? 'it' : `"${last}"`;
    let message: string;
    let at = doc.at(path);
    switch (e.keyword) {
      case 'required': {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        const propertyHint = (e.parentSchema as { properties?: Record<string, { 'x-hint'?: string }> } | undefined)?.properties?.[missing]?.['x-hint'];
        message = `${where}: "${missing}" is required.${propertyHint ? ` ${propertyHint}` : ''}`;
        at = doc.at(path);
        break;
      }
      case 'additionalProperties': {
        const extra = (e.params as { additionalProperty: string }).additionalProperty;
        const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
        const suggestion = closest(extra, allowed);
        message = `${where}: unknown key "${extra}".${suggestion ? ` Did you mean "${suggestion}"?` : allowed.length > 0 ? ` Known keys: ${allowed.join(', ')}.` : ''}`;
        at = doc.keyAt([...path, extra]);
        break;
      }
      case 'type':
        message = `${where}: ${key} must be ${expected((e.params as { type: unknown }).type)}, not ${typeName(data)}.`;
        break;
      case 'enum': {
        const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v));
        const suggestion = typeof data === 'string' ? closest(data, (e.params as { allowedValues: unknown[] }).allowedValues.map(String)) : undefined;
        message = `${where}: ${typeName(data)} is not allowed; use one of ${allowed.join(', ')}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`;
        break;
      }
      case 'const':
        message = `${where}: must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}, not ${typeName(data)}.`;
        break;
      case 'minItems':
        message = `${where}: the list needs at least ${(e.params as { limit: number }).limit} item(s).`;
        break;
      case 'maxItems':
        message = `${where}: the list may have at most ${(e.params as { limit: number }).limit} items.`;
        break;
      case 'minLength': {
        const limit = (e.params as { limit: number }).limit;
        message = limit > 1 ? `${where}: ${key} needs at least ${limit} characters.` : `${where}: ${key} must not be empty.`;
        break;
      }
      case 'maxLength':
        message = `${where}: ${key} is longer than ${(e.params as { limit: number }).limit} characters.`;
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        message = `${where}: ${String(data)} is out of range (${e.message}).`;
        break;
      case 'minProperties':
        message = `${where}: must not be empty.`;
        break;
      case 'maxProperties': {
        const limit = (e.params as { limit: number }).limit;
        message = `${where}: ${limit === 1 ? 'must hold one key' : `must hold at most ${limit} keys`}, not ${Object.keys(data as object).length} (${Object.keys(data as object).join(', ')}).`;
        break;
      }
      case 'uniqueItems':
        message = `${where}: the list repeats an item.`;
        break;
      case 'pattern':
        message = `${where}: ${typeName(data)} is not valid.`;
        break;
      case 'propertyNames': {
        message = `${where}: a key is not valid.`;
        break;
      }
      case 'anyOf':
      case 'oneOf':
        message = `${where}: ${typeName(data)} is not valid.`;
        break;
      default:
        message = `${where}: ${e.message ?? 'is not valid'}.`;
    }
    if (hint) message = `${message} ${hint}`;
    const dedupe = `${at.line}:${at.column}:${message}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    problems.push({ ...at, message });
  }
  return problems;
}
