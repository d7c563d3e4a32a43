/**
 * Builds inputs from a channel's JSON Schema (as zod emits it): one valid sample, and every malformed variant
 * we can derive from it (each field of the wrong type, out of range, missing, plus stray fields). Generated,
 * not hand-written, so a new channel is covered the day it is added to the contract.
 */
type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
};

export interface Variant {
  label: string;
  value: unknown;
}

const SAMPLE_UUID = '5b0ed1d8-4a4e-4c1e-9a57-0d5f5a1c2b3e';
/** Strings tried, in order, for a schema with a pattern (a colour, a date...): the first that matches is used. */
const PATTERN_SAMPLES = ['#336699', '2026-01-01', 'x', '0'];

export function schemaTools(root: JsonSchema) {
  const deref = (s: JsonSchema): JsonSchema => {
    if (!s.$ref) return s;
    const name = s.$ref.replace('#/$defs/', '');
    const target = root.$defs?.[name];
    if (!target) throw new Error(`unresolved ${s.$ref}`);
    return target;
  };

  function valid(schema: JsonSchema): unknown {
    const s = deref(schema);
    // A union (a discriminated anchor, say): its first member is a valid sample.
    const first = (s.oneOf ?? s.anyOf)?.[0];
    if (first) return valid(first);
    if (s.const !== undefined) return s.const;
    if (s.enum) return s.enum[0];
    switch (s.type) {
      case 'string':
        if (s.format === 'uuid') return SAMPLE_UUID;
        if (s.format === 'base64') return 'AAAA';
        if (s.pattern) {
          const pattern = new RegExp(s.pattern);
          const sample = PATTERN_SAMPLES.find((candidate) => pattern.test(candidate));
          if (sample === undefined) throw new Error(`no sample string matches ${s.pattern}`);
          return sample;
        }
        return 'x'.repeat(Math.max(1, s.minLength ?? 0));
      case 'integer':
      case 'number':
        return Math.max(s.minimum ?? 0, 1);
      case 'boolean':
        return true;
      case 'array':
        return [];
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const key of s.required ?? []) out[key] = valid(s.properties?.[key] ?? {});
        return out;
      }
      default:
        return null;
    }
  }

  function badValues(schema: JsonSchema, path: string, depth = 0): Variant[] {
    const s = deref(schema);
    // Recursive schemas (a node's content is nodes) would never end: three levels prove the point.
    if (depth > 3) return [];
    const out: Variant[] = [];
    const add = (why: string, value: unknown): void => void out.push({ label: `${path}: ${why}`, value });
    if (s.const !== undefined) add('not the constant', `${String(s.const)}-other`);
    if (s.enum) add('not one of the allowed values', '__not_allowed__');
    switch (s.type) {
      case 'string':
        add('a number instead of text', 42);
        add('null', null);
        if (s.format === 'uuid') add('not a uuid', 'not-a-uuid');
        if (s.format === 'base64') add('not base64', 'not base64!');
        if (s.pattern && !new RegExp(s.pattern).test('#zz')) add('not matching its pattern', '#zz');
        if (s.maxLength !== undefined) add('too long', 'x'.repeat(s.maxLength + 1));
        if ((s.minLength ?? 0) > 0) add('empty', '');
        break;
      case 'integer':
      case 'number':
        add('text instead of a number', 'seven');
        add('null', null);
        if (s.type === 'integer') add('a fraction', 1.5);
        if (s.minimum !== undefined) add('below the minimum', s.minimum - 1);
        if (s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER)
          add('above the maximum', s.maximum + 1);
        break;
      case 'boolean':
        add('text instead of true/false', 'yes');
        break;
      case 'array':
        add('text instead of a list', 'x');
        add('an object instead of a list', {});
        if (s.items)
          for (const item of badValues(s.items, `${path}[0]`, depth + 1)) add(item.label, [item.value]);
        break;
      case 'object':
        add('text instead of an object', 'x');
        add('a list instead of an object', []);
        for (const variant of objectVariants(s, path, depth + 1)) out.push(variant);
        break;
    }
    return out;
  }

  function objectVariants(s: JsonSchema, path: string, depth = 0): Variant[] {
    const base = valid(s) as Record<string, unknown>;
    const out: Variant[] = [];
    for (const key of s.required ?? []) {
      const { [key]: _dropped, ...rest } = base;
      out.push({ label: `${path}.${key}: missing`, value: rest });
    }
    if (s.additionalProperties === false)
      out.push({ label: `${path}: a stray field`, value: { ...base, __stray: 1 } });
    for (const [key, prop] of Object.entries(s.properties ?? {})) {
      for (const bad of badValues(prop, `${path}.${key}`, depth))
        out.push({ label: bad.label, value: { ...base, [key]: bad.value } });
    }
    return out;
  }

  return {
    valid: () => valid(root),
    invalid: (): Variant[] => [
      { label: 'null', value: null },
      { label: 'a number', value: 7 },
      { label: 'text', value: 'articles' },
      { label: 'a list', value: [] },
      ...objectVariants(deref(root), 'input'),
    ],
  };
}
