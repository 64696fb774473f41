import { CHECK_TYPES } from '../checks/index.js';

/** The JSON Schemas of pack.yaml and of a policy file's envelope (its `check` has the schema of its type). */

const ID_PATTERN = '^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$';

export const packSchema = {
  $id: 'https://topogate.dev/schemas/pack-v1.json',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'version', 'description'],
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]*$', 'x-hint': 'Pack names are lower case: letters, digits, . _ -.' },
    version: { type: ['string', 'number'] },
    description: { type: 'string', minLength: 1 },
    clients: {
      type: 'object',
      additionalProperties: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      'x-hint': 'Map each client name to the CIDRs it stands for where a topology does not declare it.',
    },
  },
};

export const policySchema = {
  $id: 'https://topogate.dev/schemas/policy-v1.json',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'title', 'severity', 'source', 'check'],
  properties: {
    id: { type: 'string', pattern: ID_PATTERN, 'x-hint': 'Policy ids look like OS11-NET-001: upper-case words joined by dashes.' },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    severity: { enum: ['error', 'warning', 'notice'] },
    description: { type: 'string' },
    source: { type: 'string', minLength: 1, 'x-hint': 'Cite the requirement the policy encodes (document and row).' },
    rationale: { type: 'string' },
    remediation: { type: 'string' },
    check: {
      type: 'object',
      required: ['type'],
      properties: { type: { enum: [...CHECK_TYPES.keys()] } },
    },
  },
};

