import type { InputProblem } from '../errors.js';
import type { Environment } from '../model.js';
import { normalName } from './policy-names.js';

/**
 * Environments whose names are slips of one another (`prodution` beside `production`,
 * `Prod` beside `prod`): a misspelt `topogate-environment` tag moves its servers into an
 * environment of their own, and the policies between them and the rest then check nothing.
 * A slip is the same name but for case and separators, or with one letter added, dropped or
 * swapped with its neighbour. A changed letter is not: paired environments are named that way
 * (`prod-a`, `prod-b`; `weu`, `neu`), nor are names with different numbers (`prod-1`, `prod-2`).
 * Two real environments can still be named like that, so it is a warning, not an error.
 */
export function environmentNameAdvisories(environments: readonly Environment[]): InputProblem[] {
  // Names one edit apart share a variant with one character deleted (or the name itself):
  // candidates come from that index, not from comparing every pair of a thousand environments.
  // Names with other numbers are never slips, so the numbers are part of the key: a
  // thousand numbered environments share no candidates at all.
  const byVariant = new Map<string, Environment[]>();
  for (const env of environments) {
    const n = normalName(env.name);
    const numbers = (n.match(/\d+/g) ?? []).join(',');
    const variants = new Set([n]);
    for (let i = 0; i < n.length; i++) if (!/\d/.test(n[i])) variants.add(n.slice(0, i) + n.slice(i + 1));
    for (const v of variants) {
      const key = `${v}\0${numbers}`;
      const list = byVariant.get(key);
      if (list) list.push(env);
      else byVariant.set(key, [env]);
    }
  }
  const reported = new Set<string>();
  const out: InputProblem[] = [];
  for (const list of byVariant.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i], list[j]];
        const key = a.name < b.name ? `${a.name}\0${b.name}` : `${b.name}\0${a.name}`;
        if (reported.has(key) || !isSlip(normalName(a.name), normalName(b.name))) continue;
        reported.add(key);
        // The slip is likelier the smaller one: said at its first server, where the name is written.
        const [slip, other] = size(a) < size(b) || (size(a) === size(b) && a.name > b.name) ? [a, b] : [b, a];
        const at = slip.servers[0]?.location ?? slip.possibleServers?.[0]?.location ?? slip.location;
        out.push({
          ...at,
          message: `environment "${slip.name}" (${describe(slip)}) is named almost like "${other.name}" (${describe(other)}); each is checked on its own, so no policy checks a flow between them. If they are one environment, write one name (the topogate-environment tag or the topology's name:); if they are two, this warning can be ignored.`,
        });
      }
    }
  }
  return out;
}

const size = (e: Environment) => e.servers.length + (e.possibleServers?.length ?? 0);

function describe(e: Environment): string {
  const n = size(e);
  if (n === 0) return 'no server';
  const names = [...e.servers, ...(e.possibleServers ?? [])].slice(0, 2).map((s) => s.name).join(', ');
  return `${n} server${n === 1 ? '' : 's'}: ${names}${n > 2 ? ', …' : ''}`;
}

/** Normalized names that are the same, or one letter added, dropped or swapped with its neighbour (three letters or more). */
function isSlip(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 3) return false;
  if (Math.abs(a.length - b.length) === 1) {
    const [short, long] = a.length < b.length ? [a, b] : [b, a];
    let i = 0;
    while (i < short.length && short[i] === long[i]) i++;
    return short.slice(i) === long.slice(i + 1);
  }
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
