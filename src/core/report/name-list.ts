/**
 * Names in a sentence: `a, b and c`. Past `max` names, the first `max` and how many more
 * (`a, b, c and 5 more`), so a message about thousands of servers stays short. `last: ', '`
 * joins the last name with a comma too (`a, b, c`), for a list in parentheses.
 */
export function nameList(names: readonly string[], options: { max?: number; last?: ' and ' | ', ' } = {}): string {
  const max = options.max ?? Infinity;
  if (names.length > max) return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')}${options.last ?? ' and '}${names[names.length - 1]}`;
}
