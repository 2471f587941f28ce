/**
 * What the sentence splitter knows about each language: its abbreviations by
 * class, the capitalised words that typically open a sentence, and the small
 * words that never end a line of prose. A language is chosen by the primary
 * subtag of its BCP 47 tag ("de-CH" -> "de"); a language without a table
 * gets NEUTRAL_RULES, so that only the language-independent rules apply.
 *
 * Word entries are lower case and without their final period, except the
 * sets of capitalised words (openers, capitalised abbreviations), which are
 * matched as written.
 */

export interface LanguageRules {
  /** Abbreviations before a name or more of the sentence: "Mr. Smith", "z. B. Wasser", "Sra. Ruiz". */
  prepositive: ReadonlySet<string>;
  /** Abbreviations that often end a sentence too ("Co.", "usw."): a boundary only before a sentence opener. */
  ambiguous: ReadonlySet<string>;
  /** Abbreviations written capitalised only, so that the word they spell stays a word ("Calif.", "Wash."). */
  ambiguousCapitalised: ReadonlySet<string>;
  /** Abbreviations before a number ("p. 5", "Nr. 7", "Fig. 2b"): no boundary unless a capitalised word follows. */
  numberPrefixes: ReadonlySet<string>;
  /** Capitalised words that open sentences; after an ambiguous abbreviation they tip the balance to a boundary. */
  openers: ReadonlySet<string>;
  /**
   * Lower-case words that follow the subject of a sentence ("Parking is free",
   * "Travelers who ..."): after an abbreviation and a capitalised word, one of
   * them shows that the capitalised word started a new sentence.
   */
  verbsAfterSubject: ReadonlySet<string>;
  /** Function words: a line that ends with one of them continues on the next line; after one, "Yahoo!" is a name. */
  continuation: ReadonlySet<string>;
  /** Time abbreviations ("a.m."): a boundary before any capitalised word but a time qualifier. */
  timeAbbreviations: ReadonlySet<string>;
  /** Capitalised words that still belong to a time ("5 p.m. Friday", "8 p.m. Eastern time"). */
  timeQualifiers: ReadonlySet<string>;
  /** Words that may introduce a sentence with a time ("At 5 a.m. Mr. Smith left"). */
  timeIntroducers: ReadonlySet<string>;
  /** Whether a number with a period is an ordinal before the words below ("am 3. Oktober"). */
  ordinalNumbers: boolean;
  /** Capitalised words an ordinal number stands before ("Oktober", "Jahrhundert"). */
  ordinalNouns: ReadonlySet<string>;
  /** Lower-case words an ordinal number follows ("am", "der", "im"). */
  ordinalIntroducers: ReadonlySet<string>;
  /** Abbreviations that end compounds ("Hauptstr." for Hauptstraße): such a compound is an abbreviation too. */
  compoundEndings: readonly string[];
  /** Whether nouns are capitalised (German): then a capital letter alone does not show a new sentence. */
  capitalisedNouns: boolean;
  /** Whether a short word without vowels is an abbreviation ("Blvd.", "bzw."): true for languages written with vowels. */
  vowellessAbbreviations: boolean;
}

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((word) => word !== ''));
}

const NONE: ReadonlySet<string> = new Set();

export const NEUTRAL_RULES: LanguageRules = {
  prepositive: NONE,
  ambiguous: NONE,
  ambiguousCapitalised: NONE,
  numberPrefixes: NONE,
  openers: NONE,
  verbsAfterSubject: NONE,
  continuation: NONE,
  timeAbbreviations: NONE,
  timeQualifiers: NONE,
  timeIntroducers: NONE,
  ordinalNumbers: false,
  ordinalNouns: NONE,
  ordinalIntroducers: NONE,
  compoundEndings: [],
  capitalisedNouns: false,
  vowellessAbbreviations: false,
};

const ENGLISH_RULES: LanguageRules = {
  prepositive: words(`
    mr mrs ms mx messrs mme mlle dr prof st mt ft gen col capt cpt lt sgt maj cmdr adm brig cpl pvt
    sen rep gov pres amb atty supt insp det rev hon fr gov
    e.g i.e cf viz vs v approx ca esp incl
  `),
  ambiguous: words(`
    co corp inc ltd llc plc bros jr sr etc al dept univ assn est govt intl natl ave blvd rd sq hwy
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    min max mfg misc
  `),
  ambiguousCapitalised: words(`
    Ala Ariz Ark Calif Colo Conn Del Fla Ga Ida Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb
    Nev Okla Ore Pa Penn Tenn Tex Vt Va Wash Wis Wyo
  `),
  numberPrefixes: words(`
    p pp no nos nr n° nº № vol vols fig figs art arts sec secs ch chap para op ed eq eqs ref refs tab
    col cols ex rs rp
  `),
  openers: words(`
    A An The This That These Those Some Many Most All Any Each Every Both Neither Either Such Several Few No
    I It Its He She We They You His Her Our Their My Your One There Here What When Where Why How Who
    Which Whose But And Or So Yet If In On At For As After Before Since While Although Though Because
    Unless Until However Then Now Also Today Yesterday Tomorrow Still Thus Therefore Moreover Meanwhile
    Instead Later Earlier Only Even Did Do Does Is Are Was Were Can Could Would Should Let Please Not
    With Without From By To Under Over During According Despite Last Next Other Another
    Afterwards Again Nevertheless Nonetheless Furthermore Besides Hence Otherwise Perhaps Maybe Indeed
    Soon Once Often Sometimes Never Always Nobody Nothing Everyone Everybody Everything Someone Somebody
    Something Anyone None Few Much More Less Millions Thousands Hundreds Dozens Billions Two Three Four
    Five Six Seven Eight Nine Ten Twenty Fifty Mine Yours Ours Theirs Following Having Being Given
    Including Regarding Unlike Like Whether Whatever Whoever Whenever Wherever Yes Sure Well Oh
    Overall First Second Third Finally Initially Eventually Recently Currently Clearly Obviously
    Fortunately Unfortunately Similarly Accordingly Consequently Additionally Apparently
  `),
  verbsAfterSubject: words(`
    is are was were has have had will would can could should must may might did does do shall who which
  `),
  continuation: words(`
    a an the of to in on at by for with from into onto upon about over under between among through
    during without within across after before since until and or but nor that which who whom whose
    is are was were be been being has have had will would can could should may might must not as than
    very more most such this these those its their our your his her my some any each every no per via
    vs von van de del der den la le du des
  `),
  timeAbbreviations: words('a.m p.m'),
  timeQualifiers: words(`
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
    January February March April May June July August September October November December
    Eastern Central Pacific Mountain Atlantic Greenwich GMT UTC EST EDT CST CDT MST MDT PST PDT BST CET CEST
    ET PT CT MT
  `),
  timeIntroducers: words('At By From Until Till Before After Around About Since Between Starting'),
  ordinalNumbers: false,
  ordinalNouns: NONE,
  ordinalIntroducers: NONE,
  compoundEndings: [],
  capitalisedNouns: false,
  vowellessAbbreviations: true,
};

const FRENCH_RULES: LanguageRules = {
  prepositive: words(`
    m mm mme mmes mlle mlles me mgr dr pr st ste vve cf p.ex ex av apr bd boul c.-à-d
    env ca vs approx
  `),
  ambiguous: words(`
    etc cie ste al éd ibid janv févr mars avr juil sept oct nov déc lun mar mer jeu ven sam dim
    min max inc ltd co corp
  `),
  ambiguousCapitalised: NONE,
  numberPrefixes: words('p pp n° nº no art chap ch fig vol t éd sect tab réf'),
  openers: words(`
    Le La Les L’ Un Une Des Du De Ce Cet Cette Ces Il Elle Ils Elles On Nous Vous Je Tu Mais Et Ou Donc
    Or Ni Car Puis Alors Ensuite Enfin Aussi Ainsi Pourtant Cependant Toutefois Néanmoins Dans En Pour
    Par Selon Après Avant Depuis Pendant Sans Avec Chez Sur Sous Quand Lorsque Si Comme Pourquoi
    Comment Où Qui Que Quoi Quel Quelle Quels Quelles Son Sa Ses Leur Leurs Mon Ma Mes Ton Ta Tes
    Notre Nos Votre Vos Tout Toute Tous Toutes Aucun Aucune Personne Rien Chaque Plusieurs Certains
    Aujourd’hui Hier Demain Ici Là Voici Voilà Oui Non Deux Trois Quatre Cinq Dix Cent Mille
  `),
  verbsAfterSubject: words('est sont était étaient a ont avait avaient sera seront fut qui'),
  continuation: words(`
    le la les l un une des du de d au aux à en dans sur sous par pour avec sans chez vers entre et ou
    mais ni que qui dont où ce cet cette ces son sa ses leur leurs mon ma mes notre nos votre vos est
    sont était a ont très plus moins
  `),
  timeAbbreviations: NONE,
  timeQualifiers: NONE,
  timeIntroducers: NONE,
  ordinalNumbers: false,
  ordinalNouns: NONE,
  ordinalIntroducers: NONE,
  compoundEndings: [],
  capitalisedNouns: false,
  vowellessAbbreviations: true,
};

const GERMAN_MONTHS = `
  Januar Jänner Februar März April Mai Juni Juli August September Oktober November Dezember
  Jan Feb Mär Apr Jun Jul Aug Sep Sept Okt Nov Dez
`;

const GERMAN_RULES: LanguageRules = {
  prepositive: words(`
    hr hrn fr frl dr prof st z.b z.t u.a u.ä o.ä d.h s.o s.u v.a i.d.r z.z z.zt u.u m.e i.a i.v
    bzw vgl ca ggf evtl inkl exkl zzgl bzgl sog dipl dipl.-ing ing mag verh geb gest ehem allg
    kath evang ev röm med jur phil rer nat dt engl franz ital span österr schweiz bzw. ugs urspr
    eigtl einschl insb insbes s
  `),
  ambiguous: words(`
    usw etc co ff f mio mrd tsd jh jhd str abt ltd inc corp gmbh
    mo di mi do fr sa so
    jan feb mär apr jun jul aug sep sept okt nov dez
  `),
  ambiguousCapitalised: NONE,
  numberPrefixes: words('nr no s abs art bd kap abb tab fig tel ziff lit anm'),
  openers: words(`
    Der Die Das Den Dem Des Ein Eine Einer Eines Einem Einen Ich Du Er Sie Es Wir Ihr Man Dies Diese
    Dieser Dieses Diesem Diesen Jene Jener Dann Danach Davor Damals Aber Und Oder Doch Denn Sondern Auch
    Am Im Bei Beim In Mit Nach Vor Seit Zum Zur Für Von Vom Auf Aus An Um Über Unter Wie Was Wer Wo Wann
    Warum Weshalb So Da Dort Hier Heute Gestern Morgen Nun Jetzt Zudem Außerdem Allerdings Deshalb
    Daher Trotzdem Dennoch Jedoch Als Wenn Weil Ob Obwohl Nicht Kein Keine Alle Viele Einige Mehrere
    Manche Jeder Jede Jedes Mehr Noch Schon Laut Bitte Ja Nein Zwei Drei Vier Fünf Zehn Sein Seine
    Ihre Unser Unsere Mein Meine Euer Eure Erst Zuerst Schließlich Später Inzwischen Mittlerweile
  `),
  verbsAfterSubject: words('ist sind war waren hat haben hatte hatten wird werden wurde wurden kann können'),
  continuation: words(`
    der die das den dem des ein eine einer eines einem einen und oder aber sondern denn dass daß als
    wie von vom zu zum zur in im an am auf aus bei beim mit nach seit vor für über unter um durch
    gegen ohne zwischen ist sind war waren hat haben wird werden sehr mehr nicht kein keine sein seine
    ihr ihre unser unsere
  `),
  timeAbbreviations: NONE,
  timeQualifiers: NONE,
  timeIntroducers: NONE,
  ordinalNumbers: true,
  ordinalNouns: words(`
    ${GERMAN_MONTHS}
    Jahrhundert Jahrhunderts Jh Jhd Jahrtausend Mal Male Platz Stock Stockwerk Etage Klasse Liga
    Bundesliga Runde Auflage Kapitel Lebensjahr Geburtstag Jahrestag Weltkrieg Weltkriegs Tag Woche
    Monat Quartal Halbjahr Spieltag Stelle Rang Sinfonie Symphonie Satz Semester Juli
  `),
  ordinalIntroducers: words(`
    der die das dem den des am im vom zum zur beim ab bis seit ein eine einem einen eines einer
    jeden jedem jeder jedes bis zum
  `),
  compoundEndings: ['str', 'pl'],
  capitalisedNouns: true,
  vowellessAbbreviations: true,
};

const SPANISH_RULES: LanguageRules = {
  prepositive: words(`
    sr sra srta sres sras d dña dn don lic lcdo lcda ing dr dra prof profa sto sta fr mons gral cnel
    cap tte avda av c ud uds vd vds excmo excma ilmo ilma p.ej aprox ca vs
  `),
  ambiguous: words(`
    etc cía co inc ltd corp admón dpto depto
    ene feb mar abr may jun jul ago sep sept oct nov dic
    lun mar miér mié jue vie sáb dom
    min máx mín seg hs hrs
  `),
  ambiguousCapitalised: NONE,
  numberPrefixes: words('p pág págs núm no n° nº art arts cap fig párr párrf tel ext vol tomo'),
  openers: words(`
    El La Los Las Lo Un Una Unos Unas Yo Tú Él Ella Ellos Ellas Nosotros Nosotras Vosotros Usted
    Ustedes Pero Y O Ni Sin Con En Por Para De Desde Hasta Según Durante Tras Entre Sobre Se Si Sí No
    Es Esto Este Esta Estos Estas Eso Ese Esa Aquí Allí Hoy Ayer Mañana Luego Después Antes Entonces
    Además También Sin Embargo Así Cuando Donde Como Qué Quién Cuál Cómo Dónde Cuándo Mi Mis Tu Tus Su
    Sus Nuestro Nuestra Todo Toda Todos Todas Nadie Nada Cada Varios Muchos Algunos Dos Tres Cuatro Diez
  `),
  verbsAfterSubject: words('es son era eran fue fueron ha han había está están será serán que'),
  continuation: words(`
    el la los las un una unos unas de del al a en con por para sin sobre entre hasta desde y o u ni
    pero que cual cuyo su sus mi mis tu tus nuestro nuestra es son era fue muy más menos
  `),
  timeAbbreviations: NONE,
  timeQualifiers: NONE,
  timeIntroducers: NONE,
  ordinalNumbers: false,
  ordinalNouns: NONE,
  ordinalIntroducers: NONE,
  compoundEndings: [],
  capitalisedNouns: false,
  vowellessAbbreviations: true,
};

const RULES_BY_LANGUAGE: ReadonlyMap<string, LanguageRules> = new Map([
  ['en', ENGLISH_RULES],
  ['fr', FRENCH_RULES],
  ['de', GERMAN_RULES],
  ['es', SPANISH_RULES],
]);

export const DEFAULT_LANGUAGE = 'en';

/** The rules for a BCP 47 tag ("de-CH", "es-MX"); undefined means English, an unknown language neutral rules. */
export function rulesForLanguage(language: string | undefined): LanguageRules {
  const primary = (language ?? DEFAULT_LANGUAGE).split(/[-_]/)[0]!.toLowerCase();
  return RULES_BY_LANGUAGE.get(primary === '' ? DEFAULT_LANGUAGE : primary) ?? NEUTRAL_RULES;
}
