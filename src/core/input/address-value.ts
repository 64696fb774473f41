import type { ProblemList } from '../errors.js';
import { parseCidr } from '../net/cidr.js';
import type { LocatedYaml } from './located-yaml.js';

type Path = ReadonlyArray<string | number>;

/**
 * An address or CIDR written in a topology or pack: an error at its value when it does
 * not parse, or when it has host bits set (`10.0.1.10/24` is a typo for a host or for a
 * network, and clouds would silently mask it).
 */
export function checkAddress(doc: LocatedYaml, path: Path, text: string, what: 'host' | 'network', problems: ProblemList): void {
  const r = parseCidr(text);
  if (!r.ok) {
    problems.add(doc.at(path), `${r.error}.`);
    return;
  }
  if (r.value.hostBitsSet) {
    const network = r.value.family === 4 ? 'the network address' : 'the network prefix';
    problems.add(
      doc.at(path),
      `"${text}" has host bits set beyond /${r.value.prefix}. Write ${network} for a range, or the address without a prefix for ${what === 'host' ? 'this server' : 'one host'}.`,
    );
  }
}

/** `internet` means one thing everywhere: forbidden flows from it would mean nothing otherwise. */
export const INTERNET_IS_BUILT_IN =
  'client "internet" is built in: the public address space (0.0.0.0/0 and ::/0 without private and special-purpose ranges), the same in every environment. Give the addresses you mean a client name of your own.';
