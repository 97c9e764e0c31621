import { describe, expect, it } from 'vitest';
import { extract, entityNamed, labelOf, participantLabels } from './extract-helpers.ts';

describe('roles', () => {
  it.each([
    ['demonym + title + name', 'Italian Prime Minister Paolo Rossi arrived late.', 'Paolo Rossi', 'Prime Minister', 'Italy'],
    ['organisation + role noun + name', 'Siemens engineer Klaus Weber designed the turbine.', 'Klaus Weber', 'Engineer', 'Siemens'],
    ['possessive + title', "Kenya's President William Ruto opened the summit.", 'William Ruto', 'President', 'Kenya'],
    ['apposition after the name', 'Ana Costa, the director of the National Museum, resigned.', 'Ana Costa', 'Director', 'National Museum'],
    ['apposition before the name', 'The chairman of the Olympic Committee, Jorge Silva, denied the report.', 'Jorge Silva', 'Chairman', 'Olympic Committee'],
    ['organisation + capitalised title', 'UNESCO Director-General Audrey Moreau visited the site.', 'Audrey Moreau', 'Director-General', 'UNESCO'],
    ['title of organisation + name', 'Secretary General of NATO Anders Holm spoke in Oslo.', 'Anders Holm', 'Secretary General', 'NATO'],
  ])('%s', (_name, text, person, title, org) => {
    const x = extract(text);
    const p = entityNamed(x, person)!;
    expect(p, person).toBeDefined();
    const role = x.roles.find((r) => r.person === p.key);
    expect(role, `role of ${person}`).toBeDefined();
    expect(role!.title).toBe(title);
    expect(labelOf(x, role!.org)).toBe(org);
  });

  it('gives no post for a form of address', () => {
    const x = extract('Mr. Lambert declined to comment.');
    expect(x.roles).toEqual([]);
  });

  it('does not give a person the role of a country merely mentioned nearby', () => {
    const x = extract('Chinese President Li Wei met Canadian Prime Minister Anne Roy.');
    const li = entityNamed(x, 'Li Wei')!;
    const roy = entityNamed(x, 'Anne Roy')!;
    expect(x.roles.filter((r) => r.person === li.key).map((r) => labelOf(x, r.org))).toEqual(['China']);
    expect(x.roles.filter((r) => r.person === roy.key).map((r) => labelOf(x, r.org))).toEqual(['Canada']);
  });

  it('records membership: "NAME of ORG" and an agency belonging to a country', () => {
    const x = extract("Tom Reyes of the Red Cross said aid arrived. Chile's national news agency Agencia Sur reported it.");
    const reyes = entityNamed(x, 'Tom Reyes')!;
    expect(x.roles.some((r) => r.person === reyes.key && labelOf(x, r.org) === 'Red Cross' && r.kind === 'member')).toBe(true);
    const agency = entityNamed(x, 'Agencia Sur')!;
    expect(x.roles.some((r) => r.person === agency.key && labelOf(x, r.org) === 'Chile')).toBe(true);
  });
});

describe('events', () => {
  it('"X met Y in PLACE on DAY": participants, place and resolved date', () => {
    const x = extract('Egyptian President Omar Nabil met Jordanian King Faisal Hamdan in Cairo on Tuesday.', '2024-03-14');
    const ev = x.events.find((e) => e.kind === 'Meeting')!;
    expect(participantLabels(x, ev)).toEqual(['Faisal Hamdan', 'Omar Nabil']);
    expect(labelOf(x, ev.place)).toBe('Cairo');
    expect(ev.date).toBe('2024-03-12');
  });

  it('"the YEAR arrest of X in PLACE": nominal trigger with participant, place and year', () => {
    const x = extract('Lawyers criticised the 2019 arrest of activist Lena Sorensen in Oslo.');
    const ev = x.events.find((e) => e.kind === 'Arrest')!;
    expect(participantLabels(x, ev)).toEqual(['Lena Sorensen']);
    expect(labelOf(x, ev.place)).toBe('Oslo');
    expect(ev.date).toBe('2019');
    expect(ev.label).toBe('Arrest of Lena Sorensen');
  });

  it('"X and Y held talks": the subject of the verb whose object the trigger is', () => {
    const x = extract('Vietnam and Japan held talks on maritime security.');
    const ev = x.events.find((e) => e.kind === 'Meeting')!;
    expect(participantLabels(x, ev)).toEqual(['Japan', 'Vietnam']);
    expect(ev.topics).toContain('security');
  });

  it('"the talks", "the meeting" refer back to the same event', () => {
    const x = extract('Peru and Chile held talks in Lima. The talks lasted two days. Observers said the meeting went well.');
    const meetings = x.events.filter((e) => e.kind === 'Meeting');
    expect(meetings).toHaveLength(1);
    expect(meetings[0]!.mentions.map((m) => m.text)).toEqual(['talks', 'talks', 'meeting']);
    expect(meetings[0]!.sentences).toEqual([0, 1, 2]);
  });

  it('"took place during the NAME Summit": the event is part of the named event', () => {
    const x = extract('Brazil and Argentina held a meeting in Rio. The meeting took place during the Mercosur Summit.');
    const meeting = x.events.find((e) => e.kind === 'Meeting')!;
    const summit = x.events.find((e) => e.kind === 'Summit')!;
    expect(summit.label).toBe('Mercosur Summit');
    expect(meeting.partOf).toBe(summit.key);
  });

  it('drops events with no actor, and does not read years after "since" as dates', () => {
    const x = extract('Future ministerial visits are possible. Spain and Morocco held their first meeting since 2015.');
    expect(x.events).toHaveLength(1);
    expect(x.events[0]!.date).toBeUndefined();
  });

  it('"X visited PLACE": the place visited, and no organisation named after it', () => {
    const x = extract('Marco Rossi visited Bologna last week. He studied at the University of Bologna.');
    const ev = x.events.find((e) => e.kind === 'Visit')!;
    expect(participantLabels(x, ev)).toEqual(['Marco Rossi']);
    expect(labelOf(x, ev.place)).toBe('Bologna');
  });

  it('an accident is an event where the text says where it happened', () => {
    const x = extract('A bridge collapsed in Genoa on Monday.');
    const ev = x.events.find((e) => e.kind === 'Accident')!;
    expect(labelOf(x, ev.place)).toBe('Genoa');
  });
});

describe('relations', () => {
  it.each([
    ['hyphenated pair', 'Turkey-Greece relations improved this year.'],
    ['between X and Y', 'Tensions between Turkey and Greece eased this year.'],
    ['"the two countries"', 'Turkey and Greece signed a deal. Trade between the two countries grew, and relations between the two countries improved.'],
  ])('%s', (_name, text) => {
    const x = extract(text);
    const r = x.relations.find((y) => y.parties.length === 2)!;
    expect(r, 'relation').toBeDefined();
    expect(r.parties.map((k) => labelOf(x, k)).sort()).toEqual(['Greece', 'Turkey']);
  });

  it('does not relate entities that merely co-occur', () => {
    const x = extract('Turkey and Greece both reported snow on Monday.');
    expect(x.relations).toEqual([]);
  });
});

describe('topics', () => {
  it('finds finer concepts on one keyword and broad ones on two', () => {
    const x = extract('The ministers discussed tariffs and climate change. The economy grew.');
    const keys = x.topics.map((t) => t.key);
    expect(keys).toEqual(expect.arrayContaining(['trade', 'climate-change']));
    // A single broad word ("economy") is too weak on its own.
    expect(keys).not.toContain('economy-business-finance');
  });

  it('attaches a sentence topic to the event that sentence states', () => {
    const x = extract('Chile and Peru discussed fisheries and trade in Lima.');
    const ev = x.events.find((e) => e.kind === 'Meeting')!;
    expect(ev.topics).toContain('trade');
  });
});

describe('participants in lists and appositions', () => {
  it('"officials from A, B and C met": every country of the list', () => {
    const x = extract('Officials from Canada, Japan and Australia met in Ottawa.');
    const ev = x.events.find((e) => e.kind === 'Meeting')!;
    expect(participantLabels(x, ev)).toEqual(['Australia', 'Canada', 'Japan']);
  });

  it('"arrested the mayor of CITY, NAME": the person, not the city', () => {
    const x = extract('Police arrested the mayor of Bergen, Lars Dahl, on Thursday.');
    const ev = x.events.find((e) => e.kind === 'Arrest')!;
    expect(participantLabels(x, ev)).toEqual(['Lars Dahl']);
  });
});

describe('named events', () => {
  it('"the YEAR NAME" is another event than NAME, and "during" makes an event part of it', () => {
    const x = extract('Pilgrims gathered for the annual Hajj pilgrimage. During the 1991 Hajj, a stampede killed many people near Mecca.');
    const hajj = x.events.find((e) => e.label === 'Hajj');
    const y1991 = x.events.find((e) => e.label === '1991 Hajj')!;
    expect(hajj).toBeDefined();
    const stampede = x.events.find((e) => e.kind === 'Disaster')!;
    expect(stampede.partOf).toBe(y1991.key);
    expect(labelOf(x, stampede.place)).toBe('Mecca');
  });
});
