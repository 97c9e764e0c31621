/**
 * Turtle, TriG, N-Triples and N-Quads text from quads already in canonical order.
 *
 * The bytes are those n3's Writer gives for the same quads (plus an empty line between subject
 * blocks in Turtle and TriG), with one correction: an IRI that merely looks like a prefixed name
 * ("ng:x" as a whole IRI) is written in angle brackets, where n3 would write it bare and so change
 * its meaning. Written here rather than through n3's Writer because a corpus has few distinct IRIs
 * and many repeats: each IRI is escaped and matched against the prefixes once, not per occurrence.
 * Terms the formats cannot hold in a position (a literal subject, RDF-star quoted triples,
 * variables) make the functions return undefined, and the caller falls back to n3's Writer.
 */
import type * as RDF from '@rdfjs/types';
import { PREFIXES } from './namespaces.ts';
import { canonicalSuccession } from './sort.ts';

const XSD = PREFIXES.xsd;
const XSD_STRING = XSD + 'string';
const RDF_TYPE = PREFIXES.rdf + 'type';

// The characters n3 escapes: in Turtle and TriG, controls, quotes, backslashes and characters
// outside the Basic Multilingual Plane; in N-Triples and N-Quads, those of canonical N-Triples.
const TURTLE_ESCAPE = /["\\\t\n\r\b\f\u0000-\u0019\ud800-\udbff]/;
const TURTLE_ESCAPE_ALL = /["\\\t\n\r\b\f\u0000-\u0019]|[\ud800-\udbff][\udc00-\udfff]/g;
const LINE_ESCAPE = /[^ !#-[\]-~\u0080-\uFFFD]/;
const LINE_ESCAPE_ALL = /[^ !#-[\]-~\u0080-\uFFFD]/g;
const SHORT_ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\b': '\\b', '\f': '\\f' };

function turtleReplacer(character: string): string {
  const short = SHORT_ESCAPES[character];
  if (short !== undefined) return short;
  if (character.length === 1) return '\\u' + character.charCodeAt(0).toString(16).padStart(4, '0');
  const code = (character.charCodeAt(0) - 0xd800) * 0x400 + character.charCodeAt(1) + 0x2400;
  return '\\U' + code.toString(16).padStart(8, '0');
}

function lineReplacer(character: string): string {
  return SHORT_ESCAPES[character] ?? '\\u' + character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
}

/** A local name n3 writes after a prefix (a conservative subset of PN_LOCAL). */
const LOCAL_NAME = /^[_a-zA-Z0-9](?:\.?[-_a-zA-Z0-9])*$/;
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?\d*\.\d+$/;
const DOUBLE = /^[+-]?(?:\d+\.\d*|\.?\d+)[eE][+-]?\d+$/;

/** Whether a term can stand as a subject, predicate, object or graph here. */
function plain(q: RDF.Quad): boolean {
  const s = q.subject.termType, p = q.predicate.termType, o = q.object.termType, g = q.graph.termType;
  return (s === 'NamedNode' || s === 'BlankNode') && p === 'NamedNode' &&
    (o === 'NamedNode' || o === 'BlankNode' || o === 'Literal') && (g === 'DefaultGraph' || g === 'NamedNode' || g === 'BlankNode');
}

/**
 * A function giving the indexes of the namespaces an IRI starts with, in the order given. A namespace
 * that ends in "/" or "#" starts an IRI exactly when it starts the IRI's part up to its last "/" or
 * "#" (its stem): there are few stems, so each is matched against those namespaces once.
 */
export function namespaceMatcher(namespaces: readonly string[]): (iri: string) => number[] {
  const bySeparator = namespaces.map((ns) => /[/#]$/.test(ns));
  const stems = new Map<string, boolean[]>();
  return (iri) => {
    const stem = iri.slice(0, Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1);
    let matches = stems.get(stem);
    if (matches === undefined) stems.set(stem, (matches = namespaces.map((ns, i) => bySeparator[i]! && stem.startsWith(ns))));
    const out: number[] = [];
    for (let i = 0; i < namespaces.length; i++) if (matches[i] || (!bySeparator[i] && iri.startsWith(namespaces[i]!))) out.push(i);
    return out;
  };
}

/**
 * Turtle (`graphs` false: every quad must be in the default graph) or TriG, with those of `prefixes`
 * that some IRI starts with declared first. Undefined when a quad holds a term we do not write.
 */
export function turtleText(quads: readonly RDF.Quad[], prefixes: Record<string, string>, graphs: boolean, options: { checkOrder?: boolean } = {}): string | undefined {
  const entries = Object.entries(prefixes);
  const used = new Uint8Array(entries.length);
  const iris = new Map<string, string>();
  const namespacesOf = namespaceMatcher(entries.map(([, ns]) => ns));
  let lastValue = '', lastText = '';
  const iri = (value: string): string => {
    if (value === lastValue) return lastText; // neighbours repeat IRIs; no hashing then
    let text = iris.get(value);
    if (text !== undefined) { lastValue = value; return (lastText = text); }
    const escaped = TURTLE_ESCAPE.test(value) ? value.replace(TURTLE_ESCAPE_ALL, turtleReplacer) : value;
    for (const i of namespacesOf(value)) {
      const [prefix, ns] = entries[i]!;
      used[i] = 1;
      if (text === undefined && LOCAL_NAME.test(escaped.slice(ns.length))) text = `${prefix}:${escaped.slice(ns.length)}`;
    }
    text ??= `<${escaped}>`;
    iris.set(value, text);
    lastValue = value;
    return (lastText = text);
  };
  const node = (t: RDF.Term): string => (t.termType === 'NamedNode' ? iri(t.value) : '_:' + t.value);
  // Every literal's datatype declares its prefix, as n3 sees them all: rdf:langString and
  // xsd:string once, other datatypes as they are written.
  let langString = false, string = false, type = false;
  // rdf:type is written "a" but declares the rdf prefix too
  const predicate = (p: string): string => {
    if (p !== RDF_TYPE) return iri(p);
    if (!type) { iri(RDF_TYPE); type = true; }
    return 'a';
  };
  const literal = (t: RDF.Literal): string => {
    let value = t.value;
    if (TURTLE_ESCAPE.test(value)) value = value.replace(TURTLE_ESCAPE_ALL, turtleReplacer);
    const language = t.language;
    if (language) {
      if (!langString) { iri(PREFIXES.rdf + 'langString'); langString = true; }
      const direction = (t as { direction?: string }).direction;
      return `"${value}"@${language}${direction ? '--' + direction : ''}`;
    }
    const datatypeIri = t.datatype.value;
    if (datatypeIri === XSD_STRING) {
      if (!string) { iri(XSD_STRING); string = true; }
      return `"${value}"`;
    }
    const datatype = iri(datatypeIri);
    switch (datatypeIri) {
      case XSD + 'boolean': if (value === 'true' || value === 'false') return value; break;
      case XSD + 'integer': if (INTEGER.test(value)) return value; break;
      case XSD + 'decimal': if (DECIMAL.test(value)) return value; break;
      case XSD + 'double': if (DOUBLE.test(value)) return value; break;
    }
    return `"${value}"^^${datatype}`;
  };

  let body = '';
  let open = false; // a statement is pending
  let inDefault = true;
  let graphType = 'DefaultGraph', graphValue = '';
  let subjectType = '', subjectValue = '', predicateValue = '';
  // With checkOrder, quads not in strictly increasing canonical order give undefined (the caller
  // sorts them first), checked in the same pass.
  const follows = options.checkOrder === true ? canonicalSuccession() : undefined;
  let previous: RDF.Quad | undefined;
  for (const q of quads) {
    if (!plain(q) || (!graphs && q.graph.termType !== 'DefaultGraph')) return undefined;
    const g = q.graph;
    const newGraph = g.termType !== graphType || g.value !== graphValue;
    if (follows !== undefined && previous !== undefined && !follows(previous, q)) return undefined;
    previous = q;
    if (newGraph) {
      // a block of the default graph ends with " ." and an empty line before a named graph
      if (open) body += inDefault ? '.\n' : '\n}\n';
      const afterDefault = open && inDefault;
      inDefault = g.termType === 'DefaultGraph';
      if (!inDefault) body += (afterDefault ? '\n' : '') + node(g) + ' {\n';
      graphType = g.termType; graphValue = g.value;
      open = false;
    }
    const s = q.subject, p = q.predicate.value, o = q.object;
    const object = o.termType === 'Literal' ? literal(o as RDF.Literal) : node(o);
    if (open && s.termType === subjectType && s.value === subjectValue) {
      body += p === predicateValue ? ', ' + object : ';\n    ' + predicate(p) + ' ' + object;
    } else {
      body += (open ? '.\n\n' : '') + node(s) + ' ' + predicate(p) + ' ' + object;
      subjectType = s.termType; subjectValue = s.value;
    }
    predicateValue = p;
    open = true;
  }
  if (open) body += inDefault ? '.\n' : '\n}\n';
  let head = '';
  for (let i = 0; i < entries.length; i++) if (used[i]) head += `@prefix ${entries[i]![0]}: <${entries[i]![1]}>.\n`;
  return head === '' ? body : head + '\n' + body;
}

/** N-Quads (`graphs` true) or N-Triples (graph names dropped), canonical N-Triples escaping. */
export function lineText(quads: readonly RDF.Quad[], graphs: boolean): string | undefined {
  const iris = new Map<string, string>();
  const iri = (value: string): string => {
    let text = iris.get(value);
    if (text === undefined) {
      text = '<' + (LINE_ESCAPE.test(value) ? value.replace(LINE_ESCAPE_ALL, lineReplacer) : value) + '>';
      iris.set(value, text);
    }
    return text;
  };
  const node = (t: RDF.Term): string => (t.termType === 'NamedNode' ? iri(t.value) : '_:' + t.value);
  let out = '';
  for (const q of quads) {
    if (!plain(q)) return undefined;
    const o = q.object;
    let object: string;
    if (o.termType === 'Literal') {
      const lit = o as RDF.Literal;
      let value = lit.value;
      if (LINE_ESCAPE.test(value)) value = value.replace(LINE_ESCAPE_ALL, lineReplacer);
      if (lit.language) {
        const direction = (lit as { direction?: string }).direction;
        object = `"${value}"@${lit.language}${direction ? '--' + direction : ''}`;
      } else {
        const datatype = lit.datatype.value;
        object = datatype === XSD_STRING ? `"${value}"` : `"${value}"^^${iri(datatype)}`;
      }
    } else object = node(o);
    out += node(q.subject) + ' ' + iri(q.predicate.value) + ' ' + object +
      (graphs && q.graph.termType !== 'DefaultGraph' ? ' ' + node(q.graph) + ' .\n' : ' .\n');
  }
  return out;
}
