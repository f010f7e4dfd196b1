// Examples for the OpenAPI document, made from the JSON schemas the routes declare: every body and
// success answer gets one without 130 routes writing them by hand. The values are fixed (the
// document is committed and drift-checked) and valid against their schema (redocly's
// no-invalid-media-type-examples checks); a route's own `.meta({ examples })` wins, and so does an
// `example` on any nested schema.

export type JsonSchema = {
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  example?: unknown;
  default?: unknown;
  $ref?: string;
};

const instant = '2026-03-14T09:30:00.000Z';

// Realistic words for common property names; anything else gets a generic value of its type.
const stringsByName: Record<string, string> = {
  name: 'Spring launch',
  title: 'Spring launch',
  text: 'Our spring collection is live: 40 new pieces, made to last. 🌱',
  content: 'Our spring collection is live: 40 new pieces, made to last. 🌱',
  body: 'Looks good to me, ship it on Thursday.',
  message: 'Done',
  note: 'Share with the newsletter too',
  notes: 'Share with the newsletter too',
  email: 'ada@example.com',
  url: 'https://example.com/hooks/herald',
  link: 'https://example.com/spring',
  permalink: 'https://social.example/@herald/112233',
  description: 'Sends scheduled posts to the team calendar',
  timezone: 'Europe/Paris',
  timeZone: 'Europe/Paris',
  cursor: 'eyJhdCI6IjIwMjYtMDMtMTQifQ',
  nextCursor: 'eyJhdCI6IjIwMjYtMDMtMTQifQ',
  prefix: 'hk_3f1c9a52',
  key: 'hk_3f1c9a52_Jx9vQ2mZ7kT4yR8wL1nB6cD0',
  secret: 'whsec_MfKQ9r8GKYqsoq5XOA4dpZbDBrv4VYpY',
  mimeType: 'image/jpeg',
  contentType: 'image/jpeg',
  filename: 'spring.jpg',
  fileName: 'spring.jpg',
  handle: '@herald@social.example',
  username: 'herald',
  displayName: 'Herald',
  code: 'post.not_found',
  status: 'scheduled',
  role: 'editor',
  ip: '203.0.113.7',
  lastUsedIp: '203.0.113.7',
  userAgent: 'Mozilla/5.0',
};

// Ids are strings the server makes; one recognisable value keeps examples readable.
const idValue = '3f1c9a52-8d4e-4b7a-9c61-2e5f0a7d1b94';

function stringFor(schema: JsonSchema, name: string): string {
  const candidates: string[] = [];
  if (schema.format === 'date-time') candidates.push(instant);
  else if (schema.format === 'date') candidates.push(instant.slice(0, 10));
  else if (schema.format === 'email') candidates.push('ada@example.com');
  else if (schema.format === 'uri' || schema.format === 'url') candidates.push(/url|link/i.test(name) ? (stringsByName[name] ?? 'https://example.com/spring') : 'https://example.com/spring');
  else if (schema.format === 'uuid') candidates.push(idValue);
  if (/(^id|Id|Ids)$/.test(name)) candidates.push(idValue);
  if (/At$/.test(name)) candidates.push(instant);
  if (/Url$/.test(name)) candidates.push('https://example.com/spring');
  const named = stringsByName[name];
  if (named) candidates.push(named);
  candidates.push('example', 'example_1', 'a');
  const pattern = schema.pattern ? new RegExp(schema.pattern, 'u') : null;
  for (const candidate of candidates) {
    const fitted = fitLength(candidate, schema);
    if (!pattern || pattern.test(fitted)) return fitted;
  }
  throw new Error(`no example string for "${name}" matches /${schema.pattern}/: give the schema .meta({ examples: [...] })`);
}

function fitLength(value: string, schema: JsonSchema): string {
  let fitted = value;
  if (schema.maxLength !== undefined && [...fitted].length > schema.maxLength) fitted = [...fitted].slice(0, schema.maxLength).join('');
  while (schema.minLength !== undefined && [...fitted].length < schema.minLength) fitted += 'a';
  return fitted;
}

function numberFor(schema: JsonSchema, name: string): number {
  const preferred = /limit/i.test(name) ? 20 : 1;
  const lowExclusive = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : schema.exclusiveMinimum ? schema.minimum : undefined;
  const highExclusive = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : schema.exclusiveMaximum ? schema.maximum : undefined;
  const step = schema.type === 'integer' ? 1 : 0.5;
  let value = preferred;
  if (schema.minimum !== undefined && value < schema.minimum) value = schema.minimum;
  if (lowExclusive !== undefined && value <= lowExclusive) value = lowExclusive + step;
  if (schema.maximum !== undefined && value > schema.maximum) value = schema.maximum;
  if (highExclusive !== undefined && value >= highExclusive) value = highExclusive - step;
  return value;
}

function walk(schema: JsonSchema, name: string, depth: number, where: string): unknown {
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum.find((value) => value !== null) ?? null;
  if (schema.$ref) throw new Error(`${where}: examples for $ref schemas are not generated; give the route .meta({ examples: [...] })`);
  if (depth > 12) return null;
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((part) => walk(part, name, depth + 1, where)));
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    // zod writes `nullable` unions as a branch that is only null: show the useful branch.
    const useful = branches.find((branch) => !(branch.enum && branch.enum.every((value) => value === null))) ?? branches[0]!;
    return walk(useful, name, depth + 1, where);
  }
  switch (schema.type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) result[key] = walk(property, key, depth + 1, where);
      return result;
    }
    case 'array': {
      if (!schema.items || schema.maxItems === 0) return [];
      const count = Math.max(1, schema.minItems ?? 0);
      // Distinct values, so `uniqueItems` and sets of enum values (scopes, events) hold.
      const choices = schema.items.enum?.filter((value) => value !== null);
      if (choices?.length) return choices.slice(0, Math.max(count, Math.min(choices.length, schema.maxItems ?? 2, 2)));
      return Array.from({ length: count }, () => walk(schema.items!, singularName(name), depth + 1, where));
    }
    case 'string':
      return stringFor(schema, name);
    case 'integer':
    case 'number':
      return numberFor(schema, name);
    case 'boolean':
      return /^(is|has|can)|enabled|active/i.test(name) ? true : false;
    default:
      // `{}` (any JSON) and shapes zod could not describe.
      return schema.nullable ? null : {};
  }
}

const singularName = (name: string) => (name.endsWith('Ids') ? name.slice(0, -1) : name.replace(/s$/, ''));

/** An example value for a request body or answer schema. */
export function exampleFor(schema: JsonSchema, where: string): unknown {
  return walk(schema, '', 0, where);
}
