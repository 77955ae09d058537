import { existsSync, readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS with a `default` property; under NodeNext the default import is the module object.
type AddFormats = (ajv: Ajv2020) => unknown;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as AddFormats;

/**
 * The SARIF 2.1.0 schema as the SARIF Multitool package ships it (Microsoft's copy of the OASIS schema, declared as
 * JSON Schema 2020-12; its keywords mean the same in draft-04). Absent when the Multitool is not installed.
 */
export const SARIF_SCHEMA_PATH = 'node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json';
export const REPORT_SCHEMA_PATH = 'schemas/report.schema.json';

export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('\n');
}

export function sarifValidator(): ValidateFunction | undefined {
  if (!existsSync(SARIF_SCHEMA_PATH)) return undefined;
  // Default strictness: the published schema has `required` entries inside anyOf branches that strict mode rejects.
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8')) as object);
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/**
 * Every `type: object` schema that lists its properties, closed: a field the schema does not document is an error.
 * (Sub-schemas without a type, such as the one under dependentSchemas, only add constraints and stay open.)
 */
function closed(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(schema)) out[k] = closed(v);
  if (out.type === 'object' && out.properties && typeof out.properties === 'object' && out.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  return out;
}

/**
 * The report schema as published (open to fields added later in the same major version) and closed (the report
 * has no field the schema does not document).
 */
export function reportValidators(): { open: ValidateFunction; closed: ValidateFunction } {
  const schema = JSON.parse(readFileSync(REPORT_SCHEMA_PATH, 'utf8')) as Json;
  const make = (s: Json): ValidateFunction => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    return ajv.compile(s as object);
  };
  return { open: make(schema), closed: make(closed(schema)) };
}
