// Validate FHIR R4 JSON files with two independent validators from npm and print one JSON line per file:
// {"file": ..., "fhir.js": [messages], "json-schema": [messages]}.  An empty list means valid.
//   node tools/fhir-validators/validate.js bundle.json [more.json ...]
// FHIR.js (package "fhir") checks each resource against the R4 StructureDefinitions it ships (types,
// cardinality, required bindings); the Asymmetrik validator checks the official FHIR R4 JSON schema with AJV.
"use strict";
const fs = require("fs");
const path = require("path");
const modules = path.resolve(process.env.TWITCHWISE_FHIR_VALIDATORS || path.join(__dirname, "node_modules"));
const { Fhir } = require(path.join(modules, "fhir"));
const JSONSchemaValidator = require(path.join(modules, "@asymmetrik/fhir-json-schema-validator"));

const fhir = new Fhir();
const schema = new JSONSchemaValidator(undefined, { allErrors: true, logger: { log() {}, warn() {}, error() {} } });

for (const file of process.argv.slice(2)) {
  const resource = JSON.parse(fs.readFileSync(file, "utf8"));
  const result = fhir.validate(resource, { errorOnUnexpected: true });
  const fhirJs = result.messages
    .filter((m) => m.severity === "error")
    .map((m) => `${m.location}: ${m.message}`);
  const jsonSchema = schema.validate(resource).map((e) => `${e.dataPath || e.instancePath || ""} ${e.message}`);
  process.stdout.write(JSON.stringify({ file, "fhir.js": fhirJs, "json-schema": jsonSchema }) + "\n");
}
