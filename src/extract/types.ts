/** Plain typed data that the extraction stages pass along; no RDF here (see src/rdf/ for that). */

/** Metadata of one article; every field but `text` is optional. */
export interface ArticleMeta {
  /** Stable id used in IRIs (slug of the file name, or given); defaults to a content hash. */
  id?: string;
  title?: string;
  /** ISO date (YYYY-MM-DD) or date-time of publication. */
  date?: string;
  url?: string;
  /** Where the text came from (a file path), for messages only. */
  source?: string;
}

/** A character range of the article text: JavaScript string indices, end exclusive. */
export interface Span {
  start: number;
  end: number;
  /** Exactly `text.slice(start, end)`. */
  text: string;
}

/** One sentence with its offsets. */
export interface Sentence extends Span {
  index: number;
}

/** Entity kinds the extractor emits; places are refined into Country, City and Region. */
export type EntityType = 'Person' | 'Organization' | 'Country' | 'City' | 'Region' | 'Place';

/** One occurrence of an entity or an event trigger in the text. */
export interface Mention extends Span {
  /** Index into `Extraction.sentences`. */
  sentence: number;
}

/** One real-world thing, with all its surface forms merged. */
export interface Entity {
  /** Stable key, `type/slug`, unique within the extraction and equal across articles. */
  key: string;
  type: EntityType;
  /** Canonical name (the longest proper form seen, or the gazetteer's common name). */
  label: string;
  /** Every other surface form seen, sorted, without the label. */
  aliases: string[];
  /** Wikidata QID ("Q16") when known from packaged data; never guessed. */
  wikidata?: string;
  /** GeoNames id ("6173331") when known from packaged data. */
  geonames?: string;
  /** ISO 3166-1 alpha-2 of a country, or of the country a city lies in. */
  countryCode?: string;
  /** Key of the place (country) this place lies in. */
  locatedIn?: string;
  mentions: Mention[];
}

/** A post a person holds: "Prime Minister" of Canada, "executive" of Huawei. */
export interface Role {
  /** Entity key of the person (for 'member' roles also an organisation that belongs to another). */
  person: string;
  /** The title as written, normalised to title case: "Prime Minister", "Executive". */
  title: string;
  /** Entity key of the country or organization; absent when the text names none. */
  org?: string;
  /** How the role relates the two: a post held (org:holds + org:postIn) or plain employment/membership. */
  kind: 'post' | 'member';
  sentence: number;
}

/** Event classes; each maps to an ontology class under schema:Event. */
export type EventKind =
  | 'Meeting' | 'Summit' | 'Arrest' | 'Communication' | 'Agreement' | 'Attack' | 'Election'
  | 'Protest' | 'Visit' | 'Announcement' | 'Ruling' | 'Accident' | 'Disaster' | 'Event';

/** Something that happened, with who, where, when and what about. */
export interface NewsEvent {
  /** Stable key within the article: `event-<start offset of first trigger>`. */
  key: string;
  kind: EventKind;
  /** Human label: "Meeting of Mark Carney and Xi Jinping", or the name of a named event. */
  label: string;
  /** Other names seen (for named events such as summits). */
  aliases: string[];
  /** Entity keys of the actors. */
  participants: string[];
  /** Entity key of the place. */
  place?: string;
  /** ISO year, year-month or date ("2018", "2015-08-20"). */
  date?: string;
  /** The time expression as written ("this week", "in 2018"). */
  timeText?: string;
  /** Topic keys (see ontology/topics.ttl: the local name of the concept, e.g. "trade"). */
  topics: string[];
  /** Key of a larger event this one took place during. */
  partOf?: string;
  /** Entity key of the organizer (for named events: the organization an acronym names). */
  organizer?: string;
  /** Trigger words and coreferent mentions ("meeting", "the talks", "the dialogue"). */
  mentions: Mention[];
  /** Sentences that state the event (first one first). */
  sentences: number[];
}

/** A lasting relation between actors, not an event: "Canada–China relations", "tensions". */
export interface Relation {
  key: string;
  kind: 'Relation';
  label: string;
  parties: string[];
  topics: string[];
  sentences: number[];
}

/** Everything extracted from one article. */
export interface Extraction {
  /** The article id (used for IRIs) and metadata. */
  article: Required<Pick<ArticleMeta, 'id'>> & ArticleMeta;
  text: string;
  sentences: Sentence[];
  entities: Entity[];
  roles: Role[];
  events: NewsEvent[];
  relations: Relation[];
  /** Topic keys the article as a whole is about, with the sentences that mention them. */
  topics: { key: string; mentions: Mention[] }[];
}
