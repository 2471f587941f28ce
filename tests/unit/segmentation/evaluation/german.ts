/** German evaluation cases, written for Redline (language "de"). */
import { sentencesOf as c, type EvaluationCase } from './case';

export const GERMAN_CASES: EvaluationCase[] = [
  c('terminators', 'Der Zug ist weg. Wir warten auf den nächsten.', 'Der Zug ist weg.', 'Wir warten auf den nächsten.'),
  c('terminators', 'Kommst du mit? Ich fahre gleich los.', 'Kommst du mit?', 'Ich fahre gleich los.'),
  c('terminators', 'Das ist ja unglaublich! Niemand hat damit gerechnet.', 'Das ist ja unglaublich!', 'Niemand hat damit gerechnet.'),
  c('terminators', 'Das Haus brannte. Feuerwehrleute kamen sofort.', 'Das Haus brannte.', 'Feuerwehrleute kamen sofort.'),

  c('abbreviations', 'Wir brauchen Obst, z. B. Äpfel und Birnen.', 'Wir brauchen Obst, z. B. Äpfel und Birnen.'),
  c('abbreviations', 'Es gibt viele Gründe, z.B. Kosten und Zeit.', 'Es gibt viele Gründe, z.B. Kosten und Zeit.'),
  c('abbreviations', 'Er kommt heute bzw. morgen zurück.', 'Er kommt heute bzw. morgen zurück.'),
  c('abbreviations', 'Sie sprach mit Dr. Weber über die Ergebnisse.', 'Sie sprach mit Dr. Weber über die Ergebnisse.'),
  c('abbreviations', 'Herr Prof. Schmidt ist d. h. nicht im Haus.', 'Herr Prof. Schmidt ist d. h. nicht im Haus.'),
  c(
    'abbreviations',
    'Wir kaufen Brot, Käse, Milch usw. Dann fahren wir heim.',
    'Wir kaufen Brot, Käse, Milch usw.',
    'Dann fahren wir heim.',
  ),
  c('abbreviations', 'Die Firma sitzt in der Hauptstr. 12 in Bonn.', 'Die Firma sitzt in der Hauptstr. 12 in Bonn.'),
  c('abbreviations', 'Das steht in Art. 3 des Grundgesetzes.', 'Das steht in Art. 3 des Grundgesetzes.'),
  c('abbreviations', 'Er wohnt in Haus Nr. 7 am Markt.', 'Er wohnt in Haus Nr. 7 am Markt.'),
  c('abbreviations', 'Die Kosten liegen bei ca. 500 Euro.', 'Die Kosten liegen bei ca. 500 Euro.'),
  c('abbreviations', 'Er besucht eine evang. Schule in Ulm.', 'Er besucht eine evang. Schule in Ulm.'),
  c(
    'abbreviations',
    'Der Verein e. V. wurde gegründet. Er hat zehn Mitglieder.',
    'Der Verein e. V. wurde gegründet.',
    'Er hat zehn Mitglieder.',
  ),
  c('abbreviations', 'Wir brauchen Stifte, Hefte u. Ä. für die Schule.', 'Wir brauchen Stifte, Hefte u. Ä. für die Schule.'),
  c('abbreviations', 'Vgl. dazu S. 14 im Anhang.', 'Vgl. dazu S. 14 im Anhang.'),
  c('abbreviations', 'Die Stadt hat rund 3 Mio. Einwohner.', 'Die Stadt hat rund 3 Mio. Einwohner.'),
  c('abbreviations', 'Der Bau dauerte i. d. R. zwei Jahre.', 'Der Bau dauerte i. d. R. zwei Jahre.'),
  c('abbreviations', 'Die Sitzung ist am Mo. um zehn Uhr.', 'Die Sitzung ist am Mo. um zehn Uhr.'),
  c('abbreviations', 'Das Werk erschien im 18. Jh. in Leipzig.', 'Das Werk erschien im 18. Jh. in Leipzig.'),
  c('abbreviations', 'Wir trafen Hrn. Vogel am Bahnhof.', 'Wir trafen Hrn. Vogel am Bahnhof.'),
  c('abbreviations', 'Dipl.-Ing. Krause leitet das Projekt.', 'Dipl.-Ing. Krause leitet das Projekt.'),
  c('abbreviations', 'Die Lieferung kommt ggf. später. Bitte warten Sie.', 'Die Lieferung kommt ggf. später.', 'Bitte warten Sie.'),
  c('abbreviations', 'Die Müller GmbH & Co. KG hat Insolvenz angemeldet.', 'Die Müller GmbH & Co. KG hat Insolvenz angemeldet.'),

  c('ordinals and dates', 'Wir feiern am 3. Oktober den Tag der Einheit.', 'Wir feiern am 3. Oktober den Tag der Einheit.'),
  c('ordinals and dates', 'Der 2. Weltkrieg endete 1945.', 'Der 2. Weltkrieg endete 1945.'),
  c('ordinals and dates', 'Im 19. Jahrhundert wuchs die Stadt stark.', 'Im 19. Jahrhundert wuchs die Stadt stark.'),
  c('ordinals and dates', 'Sie kam zum 5. Mal ins Finale.', 'Sie kam zum 5. Mal ins Finale.'),
  c(
    'ordinals and dates',
    'Die Frist endet am 31.12.2024. Danach ist es zu spät.',
    'Die Frist endet am 31.12.2024.',
    'Danach ist es zu spät.',
  ),
  c('ordinals and dates', 'Vom 1. bis 3. März ist die Messe geöffnet.', 'Vom 1. bis 3. März ist die Messe geöffnet.'),
  c('ordinals and dates', 'Am Ende waren es 12. Die anderen gingen früher.', 'Am Ende waren es 12.', 'Die anderen gingen früher.'),
  c('ordinals and dates', 'Funde aus dem 2. -4. Jahrhundert sind selten.', 'Funde aus dem 2. -4. Jahrhundert sind selten.'),

  c('numbers', 'Wir haben 1.000.000 Euro gespart.', 'Wir haben 1.000.000 Euro gespart.'),
  c('numbers', 'Das kostet 1.299,95 Euro. Es ist zu teuer.', 'Das kostet 1.299,95 Euro.', 'Es ist zu teuer.'),
  c('numbers', 'Die Fahrt dauert 2,5 Stunden.', 'Die Fahrt dauert 2,5 Stunden.'),

  c('quotes', '„Ich komme morgen“, sagte sie. Er nickte.', '„Ich komme morgen“, sagte sie.', 'Er nickte.'),
  c('quotes', 'Er rief: „Halt! Polizei!“ Alle blieben stehen.', 'Er rief: „Halt!', 'Polizei!“', 'Alle blieben stehen.'),
  c('quotes', '„Wo warst du?“, fragte die Mutter.', '„Wo warst du?“, fragte die Mutter.'),
  c('quotes', 'Sie sagte »Nein.« Dann ging sie.', 'Sie sagte »Nein.«', 'Dann ging sie.'),

  c('lists', '1. Teig kneten 2. Ruhen lassen 3. Backen', '1. Teig kneten', '2. Ruhen lassen', '3. Backen'),
  c('lists', 'a) Anmeldung b) Zahlung c) Bestätigung', 'a) Anmeldung', 'b) Zahlung', 'c) Bestätigung'),

  c(
    'lines',
    'Hinweise zur Anmeldung\nDie Anmeldung ist bis Freitag möglich.',
    'Hinweise zur Anmeldung',
    'Die Anmeldung ist bis Freitag möglich.',
  ),
  c(
    'lines',
    'Die Regierung hat beschlossen, dass die\nSchulen geöffnet bleiben.',
    'Die Regierung hat beschlossen, dass die Schulen geöffnet bleiben.',
  ),
];
