/**
 * How topogate's JSON Schema validators are built and named: shared by the generator
 * (scripts/compile-schemas.ts) and the code that uses the generated module.
 */
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: true, allowUnionTypes: true } as const;

export const VALIDATOR_NAMES = {
  topology: 'topology',
  pack: 'pack',
  policy: 'policy',
  check: (type: string) => `check_${type.replace(/[^A-Za-z0-9]/g, '_')}`,
};
