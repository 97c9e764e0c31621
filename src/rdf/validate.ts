/** SHACL validation against ontology/shapes.ttl (shacl-engine), plus checks SHACL core cannot express. */
import { readFileSync } from 'node:fs';
import { DataFactory, Parser, Store } from 'n3';
import type * as RDF from '@rdfjs/types';
import { Validator } from 'shacl-engine';
import { resolvePackagePath } from '../io/paths.ts';
import { PREFIXES, NG_CLASSES, NG_PROPERTIES } from './namespaces.ts';

/** One problem found in a graph. */
export interface ValidationResult {
  /** The node that fails (IRI or blank node label). */
  focusNode: string;
  /** The property path at fault, when there is one. */
  path?: string;
  /** The offending value, when there is one. */
  value?: string;
  /** What is wrong, in words. */
  message: string;
  /** Violation, Warning or Info. */
  severity: 'Violation' | 'Warning' | 'Info';
  /** The shape (or "ngsh:OffsetCheck", "ngsh:VocabularyCheck") that found it. */
  sourceShape: string;
  /** The SHACL constraint component, or our check's name. */
  constraint: string;
}

/** The outcome of validateGraph. */
export interface ValidationReport {
  conforms: boolean;
  results: ValidationResult[];
  /** How many nodes each shape targeted, by shape IRI, for reporting coverage. */
  focusNodes: number;
}

let shapesStore: Store | undefined;
let ontologyQuads: RDF.Quad[] | undefined;

function parseFile(path: string): RDF.Quad[] {
  return new Parser({ format: 'text/turtle' }).parse(readFileSync(path, 'utf8')) as RDF.Quad[];
}

/** The class and property declarations of ontology/newsgraph.ttl. */
function loadOntology(): RDF.Quad[] {
  return (ontologyQuads ??= parseFile(resolvePackagePath('ontology', 'newsgraph.ttl')));
}

/** shapes.ttl plus the ontology (shacl-engine reads the class hierarchy from the shapes graph). */
function loadShapes(): Store {
  return (shapesStore ??= new Store([...parseFile(resolvePackagePath('ontology', 'shapes.ttl')), ...loadOntology()]));
}

const factory = { ...DataFactory, dataset: (quads?: RDF.Quad[]) => new Store(quads) };
const SH = PREFIXES.sh;
const NIF = PREFIXES.nif;

/** Local name or prefixed form of an IRI, for messages. */
export function compactIri(iri: string): string {
  for (const [p, ns] of Object.entries(PREFIXES)) {
    if (iri.startsWith(ns) && iri.length > ns.length) return `${p}:${iri.slice(ns.length)}`;
  }
  return iri;
}

/** Checks each NIF string's offsets against the text of its context (JavaScript string indices). */
function checkOffsets(store: Store): ValidationResult[] {
  const results: ValidationResult[] = [];
  const texts = new Map<string, string>();
  for (const q of store.match(null, DataFactory.namedNode(NIF + 'isString'), null)) texts.set(q.subject.value, q.object.value);
  const one = (s: RDF.Term, p: string) => store.getObjects(s as RDF.Quad_Subject, DataFactory.namedNode(NIF + p), null)[0];
  for (const q of store.match(null, DataFactory.namedNode(NIF + 'anchorOf'), null)) {
    const node = q.subject;
    const ctx = one(node, 'referenceContext');
    const begin = one(node, 'beginIndex');
    const end = one(node, 'endIndex');
    if (!ctx || !begin || !end) continue; // the shapes report missing values
    const text = texts.get(ctx.value);
    if (text === undefined) continue;
    const b = Number(begin.value);
    const e = Number(end.value);
    const fail = (message: string, path: string) =>
      results.push({ focusNode: node.value, path: NIF + path, value: undefined, message, severity: 'Violation', sourceShape: 'https://w3id.org/newsgraph/shapes#OffsetCheck', constraint: 'offsets' });
    if (!Number.isInteger(b) || !Number.isInteger(e) || b < 0 || e < b) continue; // datatype / order: shapes
    if (e > text.length) fail(`endIndex ${e} is past the end of the text (length ${text.length})`, 'endIndex');
    else if (text.slice(b, e) !== q.object.value) fail(`anchorOf ${JSON.stringify(q.object.value)} differs from the text at ${b}..${e}: ${JSON.stringify(text.slice(b, e))}`, 'anchorOf');
  }
  return results;
}

/** Reports ng: terms that ontology/newsgraph.ttl does not declare. */
function checkVocabulary(store: Store): ValidationResult[] {
  const declared = new Set<string>([...NG_CLASSES, ...NG_PROPERTIES].map((t) => PREFIXES.ng + t));
  for (const q of loadOntology()) if (q.subject.value.startsWith(PREFIXES.ng)) declared.add(q.subject.value);
  const results: ValidationResult[] = [];
  const reported = new Set<string>();
  const check = (term: RDF.Term, subject: RDF.Term) => {
    if (term.termType !== 'NamedNode' || !term.value.startsWith(PREFIXES.ng) || declared.has(term.value) || reported.has(term.value)) return;
    reported.add(term.value);
    results.push({ focusNode: subject.value, value: term.value, message: `${compactIri(term.value)} is not declared in the newsgraph ontology`, severity: 'Violation', sourceShape: 'https://w3id.org/newsgraph/shapes#VocabularyCheck', constraint: 'vocabulary' });
  };
  for (const q of store) { check(q.predicate, q.subject); check(q.object, q.subject); }
  return results;
}

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

/**
 * Whether a result is shacl-engine's sh:datatype xsd:string check failing a well-formed string:
 * rdf-validation 0.1.1 tests xsd:string with /[^\ud8ff-\udfff\ufffe-\uffff]/ without the `u`
 * flag, so every emoji and most other characters beyond U+FFFF fail it. A string is well-formed
 * here when it has no lone surrogate and neither U+FFFE nor U+FFFF (what that pattern means).
 */
function isFalseStringDatatypeResult(r: ShaclResult): boolean {
  const term = r.value?.term;
  return r.constraintComponent?.value === SH + 'DatatypeConstraintComponent'
    && r.args?.datatype?.value === XSD_STRING // only where the shape asks for xsd:string
    && term?.termType === 'Literal' && term.datatype.value === XSD_STRING && !term.language
    && !/[\uD800-\uDFFF\uFFFE\uFFFF]/u.test(term.value);
}

/** Validates quads against ontology/shapes.ttl; `conforms` is false when any result is found. */
export async function validateGraph(quads: Iterable<RDF.Quad>): Promise<ValidationReport> {
  const data = new Store();
  // Validate the triples whatever their graph: fold named graphs into one.
  for (const q of quads) data.addQuad(DataFactory.quad(q.subject, q.predicate, q.object));
  const validator = new Validator(loadShapes(), { factory });
  const report = await validator.validate({ dataset: data });
  const results: ValidationResult[] = [];
  for (const r of report.results as ShaclResult[]) {
    if (isFalseStringDatatypeResult(r)) continue;
    const severity = (r.severity?.value ?? SH + 'Violation').slice(SH.length) as ValidationResult['severity'];
    const path = r.path?.[0]?.predicates?.[0]?.value;
    const focus = r.focusNode?.term?.value ?? '';
    const message = r.message?.[0]?.value ?? 'constraint violated';
    results.push({
      focusNode: focus,
      path,
      value: r.value?.term?.value,
      message,
      severity,
      sourceShape: r.shape?.ptr?.term?.value ?? '',
      constraint: (r.constraintComponent?.value ?? '').replace(SH, '').replace(/ConstraintComponent$/, ''),
    });
  }
  results.push(...checkOffsets(data), ...checkVocabulary(data));
  results.sort((a, b) => (a.focusNode + '\0' + (a.path ?? '') + '\0' + a.message < b.focusNode + '\0' + (b.path ?? '') + '\0' + b.message ? -1 : 1));
  return { conforms: results.length === 0, results, focusNodes: data.size };
}

/** The parts of a shacl-engine result we read. */
interface ShaclResult {
  severity?: RDF.Term;
  path?: { predicates?: RDF.Term[] }[];
  focusNode?: { term?: RDF.Term };
  value?: { term?: RDF.Term };
  message?: RDF.Term[];
  shape?: { ptr?: { term?: RDF.Term } };
  constraintComponent?: RDF.Term;
  /** The constraint's parameters, e.g. `datatype` of sh:datatype. */
  args?: { datatype?: RDF.Term };
}
