/** Term factories for parsing. */
import { DataFactory } from 'n3';
import type * as RDF from '@rdfjs/types';

/**
 * n3's data factory, but handing out one NamedNode per IRI for as long as it is used (one parse): a
 * graph names the same few thousand IRIs hundreds of thousands of times. Shared terms take less
 * memory, and whatever reads the quads next compares and hashes one string per IRI, not one per
 * occurrence (the loader reads such quads about twice as fast).
 */
export function sharingFactory(): RDF.DataFactory {
  const named = new Map<string, RDF.NamedNode>();
  return {
    ...DataFactory,
    namedNode: <Iri extends string = string>(iri: Iri): RDF.NamedNode<Iri> => {
      let term = named.get(iri);
      if (term === undefined) named.set(iri, (term = DataFactory.namedNode(iri)));
      return term as RDF.NamedNode<Iri>;
    },
  } as RDF.DataFactory;
}
