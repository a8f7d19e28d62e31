import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { parse } from "yaml";

// The Webex specs live beside the repository (../shared/reference), not in it: a
// fresh clone has no copy, and the conformance suites then skip with a message.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const REFERENCE_DIR = path.resolve(repoRoot, "../shared/reference");

type JsonObject = Record<string, unknown>;
type Method = "get" | "post" | "put" | "delete";

export interface OpenApiSpec {
  file: string;
  doc: JsonObject;
}

/** The spec, or undefined (with a visible warning) when ../shared/reference is absent. */
export function loadSpec(fileName: string): OpenApiSpec | undefined {
  const file = path.join(REFERENCE_DIR, fileName);
  if (!fs.existsSync(file)) {
    console.warn(`../shared/reference not found: spec conformance tests skipped (${file})`);
    return undefined;
  }
  return { file, doc: parse(fs.readFileSync(file, "utf8")) as JsonObject };
}

/** Every spec in ../shared/reference, or undefined (with a visible warning) when it is absent. */
export function loadAllSpecs(): OpenApiSpec[] | undefined {
  if (!fs.existsSync(REFERENCE_DIR)) {
    console.warn(`../shared/reference not found: spec conformance tests skipped (${REFERENCE_DIR})`);
    return undefined;
  }
  const files = fs.readdirSync(REFERENCE_DIR).filter((name) => /\.ya?ml$/.test(name)).sort();
  return files.map((name) => loadSpec(name)).filter((spec) => spec !== undefined);
}

/** One operation a spec describes, with the names of its `in: path` parameters. */
export interface SpecOperation {
  file: string;
  method: Uppercase<Method>;
  path: string;
  pathParams: string[];
}

const METHODS: readonly Method[] = ["get", "post", "put", "delete"];

function pathParamsOf(parameters: unknown): string[] {
  if (!Array.isArray(parameters)) return [];
  return parameters.filter((p) => isObject(p) && p.in === "path" && typeof p.name === "string").map((p) => (p as { name: string }).name);
}

/** Every operation of a spec (parameters declared on the path or on the operation). */
export function operationsOf(spec: OpenApiSpec): SpecOperation[] {
  const paths = spec.doc.paths as Record<string, JsonObject>;
  return Object.entries(paths).flatMap(([specPath, item]) =>
    METHODS.filter((method) => isObject(item[method])).map((method) => ({
      file: path.basename(spec.file),
      method: method.toUpperCase() as Uppercase<Method>,
      path: specPath,
      pathParams: [...new Set([...pathParamsOf(item.parameters), ...pathParamsOf((item[method] as JsonObject).parameters)])],
    })),
  );
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A deep copy with every `#/components/schemas/…` reference replaced by its target. */
function resolveRefs(doc: JsonObject, node: unknown, seen: readonly string[] = []): unknown {
  if (Array.isArray(node)) return node.map((item) => resolveRefs(doc, item, seen));
  if (!isObject(node)) return node;
  const ref = node.$ref;
  if (typeof ref === "string") {
    const match = /^#\/components\/schemas\/(.+)$/.exec(ref);
    if (!match) throw new Error(`unsupported $ref ${ref}`);
    if (seen.includes(ref)) throw new Error(`recursive $ref ${ref}`);
    const components = doc.components as { schemas: Record<string, unknown> };
    const target = components.schemas[match[1]];
    if (!target) throw new Error(`dangling $ref ${ref}`);
    return resolveRefs(doc, target, [...seen, ref]);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolveRefs(doc, value, seen)]));
}

/** The response schema of one operation and status, with references resolved. */
export function responseSchema(spec: OpenApiSpec, specPath: string, method: Method, status: number): JsonObject {
  const paths = spec.doc.paths as Record<string, Record<string, JsonObject>>;
  const operation = paths[specPath]?.[method];
  if (!operation) throw new Error(`${method.toUpperCase()} ${specPath} is not in ${spec.file}`);
  const responses = operation.responses as Record<string, JsonObject>;
  const response = responses[String(status)];
  if (!response) throw new Error(`${method.toUpperCase()} ${specPath} has no ${status} response`);
  const content = response.content as Record<string, { schema?: unknown }> | undefined;
  const schema = content?.["application/json"]?.schema;
  if (!schema) throw new Error(`${method.toUpperCase()} ${specPath} ${status} has no JSON schema`);
  return resolveRefs(spec.doc, schema) as JsonObject;
}

/** Whether the operation declares a response with no JSON body for this status (a 204). */
export function hasEmptyResponse(spec: OpenApiSpec, specPath: string, method: Method, status: number): boolean {
  const paths = spec.doc.paths as Record<string, Record<string, JsonObject>>;
  const response = (paths[specPath]?.[method]?.responses as Record<string, JsonObject> | undefined)?.[String(status)];
  if (!response) return false;
  const content = response.content as JsonObject | undefined;
  return !content || Object.keys(content).length === 0;
}

/** Adds `additionalProperties: false` to every object schema that lists its properties. */
export function closeObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (!isObject(schema)) return schema;
  const copy = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, closeObjects(value)]));
  if (isObject(schema.properties) && schema.additionalProperties === undefined) copy.additionalProperties = false;
  return copy;
}

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule;

// OpenAPI 3.0 keywords such as `example` are not JSON Schema: strict mode off ignores them.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);

export function compile(schema: JsonObject): ValidateFunction {
  return ajv.compile(schema);
}

/** Validation errors as readable lines, so a failing assertion says which field is wrong. */
export function violations(validate: ValidateFunction, data: unknown): string[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
}
