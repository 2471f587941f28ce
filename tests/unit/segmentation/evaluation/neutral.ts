/**
 * Cases for a language without rules of its own (here Polish, "pl"): only the
 * language-neutral rules apply (numbers, addresses, initials, brackets,
 * lists, quotes), and no English abbreviation is assumed.
 */
import { sentencesOf as c, type EvaluationCase } from './case';

export const NEUTRAL_CASES: EvaluationCase[] = [
  c('terminators', 'Kupiłem chleb. Potem wróciłem do domu.', 'Kupiłem chleb.', 'Potem wróciłem do domu.'),
  c('terminators', 'Czy pada deszcz? Nie wiem.', 'Czy pada deszcz?', 'Nie wiem.'),
  c('numbers', 'Cena wynosi 12.50 zł. Jest drogo.', 'Cena wynosi 12.50 zł.', 'Jest drogo.'),
  c('numbers', 'Wersja 3.2.1 jest nowa.', 'Wersja 3.2.1 jest nowa.'),
  c('addresses', 'Napisz na adres biuro@przyklad.pl. Odpowiemy jutro.', 'Napisz na adres biuro@przyklad.pl.', 'Odpowiemy jutro.'),
  c('addresses', 'Strona https://przyklad.pl/a.html działa. Sprawdź ją.', 'Strona https://przyklad.pl/a.html działa.', 'Sprawdź ją.'),
  c('initials', 'Książkę napisał J. K. Nowak w Krakowie.', 'Książkę napisał J. K. Nowak w Krakowie.'),
  c('brackets', 'Rzeka (ok. 40 km) często wylewa.', 'Rzeka (ok. 40 km) często wylewa.'),
  c('lists', '1) chleb 2) mleko 3) masło', '1) chleb', '2) mleko', '3) masło'),
  c('quotes', '„Wrócę jutro” – powiedział. Nie wrócił.', '„Wrócę jutro” – powiedział.', 'Nie wrócił.'),
  c('no english abbreviations', 'To był nasz Co. Potem przyszedł następny.', 'To był nasz Co.', 'Potem przyszedł następny.'),
  c('no english abbreviations', 'Wszystko jest w porządku, etc. Idziemy dalej.', 'Wszystko jest w porządku, etc.', 'Idziemy dalej.'),
  c('ellipsis', 'Czekaliśmy... Nikt nie przyszedł.', 'Czekaliśmy...', 'Nikt nie przyszedł.'),
  c('citation markers', 'Miasto założono w 1257 r.[1] Później się rozrosło.', 'Miasto założono w 1257 r.[1]', 'Później się rozrosło.'),
];
