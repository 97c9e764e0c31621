// Type declarations for the untyped packages the RDF layer uses (only what we call).

declare module 'shacl-engine' {
  import type * as RDF from '@rdfjs/types';
  /** A SHACL validator over an RDF/JS dataset of shapes. */
  export class Validator {
    constructor(shapes: RDF.DatasetCore, options: { factory: unknown; debug?: boolean; details?: boolean });
    validate(data: { dataset: RDF.DatasetCore; terms?: Iterable<RDF.Term> }): Promise<{ conforms: boolean; results: unknown[] }>;
  }
}

declare module 'jsonld' {
  interface JsonLdProcessor {
    fromRDF(input: string, options?: { format?: string }): Promise<object[]>;
    toRDF(input: object, options?: { format?: string; base?: string; documentLoader?: (url: string) => Promise<unknown> }): Promise<unknown>;
    compact(input: object, context: object, options?: object): Promise<object>;
  }
  const jsonld: JsonLdProcessor;
  export default jsonld;
}
