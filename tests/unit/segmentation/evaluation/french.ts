/** French evaluation cases, written for Redline (language "fr"). */
import { sentencesOf as c, type EvaluationCase } from './case';

export const FRENCH_CASES: EvaluationCase[] = [
  c('terminators', 'Le train est parti. Personne ne l’a vu.', 'Le train est parti.', 'Personne ne l’a vu.'),
  c('terminators', 'Vous venez ce soir ? Nous vous attendons.', 'Vous venez ce soir ?', 'Nous vous attendons.'),
  c('terminators', 'Quelle surprise ! Il est enfin arrivé.', 'Quelle surprise !', 'Il est enfin arrivé.'),
  c('terminators', 'Vraiment\u00a0? Je ne le savais pas.', 'Vraiment\u00a0?', 'Je ne le savais pas.'),
  c('terminators', 'Attention\u202f! La route est glissante.', 'Attention\u202f!', 'La route est glissante.'),
  c('terminators', 'Il a dit : « Nous partons demain. » Puis il est sorti.', 'Il a dit : « Nous partons demain. »', 'Puis il est sorti.'),
  c('terminators', '« Tu viens ? » demanda-t-elle.', '« Tu viens ? » demanda-t-elle.'),
  c('terminators', '« C’est fini », a-t-il ajouté. La salle s’est vidée.', '« C’est fini », a-t-il ajouté.', 'La salle s’est vidée.'),
  c('terminators', 'Pourquoi pas ?! On verra bien.', 'Pourquoi pas ?!', 'On verra bien.'),

  c('titles', 'M. Durand a reçu Mme Lefèvre hier.', 'M. Durand a reçu Mme Lefèvre hier.'),
  c('titles', 'M. Le Gall est arrivé en retard.', 'M. Le Gall est arrivé en retard.'),
  c('titles', 'MM. Bernard et Petit ont signé le contrat.', 'MM. Bernard et Petit ont signé le contrat.'),
  c('titles', 'Nous avons consulté Me Rousseau, avocate à Lyon.', 'Nous avons consulté Me Rousseau, avocate à Lyon.'),
  c('titles', 'Le Dr. Morel soigne les enfants. Il est très patient.', 'Le Dr. Morel soigne les enfants.', 'Il est très patient.'),
  c('titles', 'Mlle Garnier et Mgr Lambert étaient présents.', 'Mlle Garnier et Mgr Lambert étaient présents.'),
  c('titles', 'Le Pr. Caron enseigne à la Sorbonne.', 'Le Pr. Caron enseigne à la Sorbonne.'),

  c(
    'abbreviations',
    'Il faut du pain, du lait, des œufs, etc. La liste est longue.',
    'Il faut du pain, du lait, des œufs, etc.',
    'La liste est longue.',
  ),
  c('abbreviations', 'Voir p. 45 pour le détail.', 'Voir p. 45 pour le détail.'),
  c(
    'abbreviations',
    'César est mort en 44 av. J.-C. Son fils adoptif lui a succédé.',
    'César est mort en 44 av. J.-C.',
    'Son fils adoptif lui a succédé.',
  ),
  c('abbreviations', 'La ville compte env. 20 000 habitants.', 'La ville compte env. 20 000 habitants.'),
  c('abbreviations', 'Les fruits rouges, p. ex. les fraises, sont chers.', 'Les fruits rouges, p. ex. les fraises, sont chers.'),
  c('abbreviations', 'Le paiement est dû, c.-à-d. avant lundi.', 'Le paiement est dû, c.-à-d. avant lundi.'),
  c(
    'abbreviations',
    'Le contrat est signé par Dupont S.A. La banque a suivi.',
    'Le contrat est signé par Dupont S.A.',
    'La banque a suivi.',
  ),
  c('abbreviations', 'Consultez l’art. 12 du code civil.', 'Consultez l’art. 12 du code civil.'),
  c('abbreviations', 'La réunion a lieu le 3 janv. à Paris.', 'La réunion a lieu le 3 janv. à Paris.'),
  c('abbreviations', 'Il habite au 12 av. Victor Hugo.', 'Il habite au 12 av. Victor Hugo.'),
  c('abbreviations', 'Voir le chap. 4 et la fig. 2 du rapport.', 'Voir le chap. 4 et la fig. 2 du rapport.'),
  c('abbreviations', 'Cf. Dupont, 2019, pour une analyse complète.', 'Cf. Dupont, 2019, pour une analyse complète.'),
  c('abbreviations', 'Le n° 5 est gagnant. Le n° 7 aussi.', 'Le n° 5 est gagnant.', 'Le n° 7 aussi.'),
  c('abbreviations', 'Les Éditions Gallimard et Cie. Les livres arrivent.', 'Les Éditions Gallimard et Cie.', 'Les livres arrivent.'),

  c('numbers', 'Le budget atteint 1 250 000,50 euros. C’est un record.', 'Le budget atteint 1 250 000,50 euros.', 'C’est un record.'),
  c('numbers', 'La température était de 3,5 degrés. Il a gelé.', 'La température était de 3,5 degrés.', 'Il a gelé.'),
  c('numbers', 'Il est né le 14.07.1989 à Nantes.', 'Il est né le 14.07.1989 à Nantes.'),
  c(
    'numbers',
    'Le XIXe siècle fut celui du charbon. Le XXe, celui du pétrole.',
    'Le XIXe siècle fut celui du charbon.',
    'Le XXe, celui du pétrole.',
  ),
  c('numbers', 'Ils étaient 300. Aucun n’est revenu.', 'Ils étaient 300.', 'Aucun n’est revenu.'),

  c(
    'quotes',
    '« Je reviendrai. Attendez-moi. » Elle n’est jamais revenue.',
    '« Je reviendrai.',
    'Attendez-moi. »',
    'Elle n’est jamais revenue.',
  ),
  c('quotes', 'Il cria « Au feu ! » et tout le monde sortit.', 'Il cria « Au feu ! » et tout le monde sortit.'),
  c('quotes', 'Le mot « fin. » était écrit en bas.', 'Le mot « fin. » était écrit en bas.'),

  c(
    'lists',
    '1. Lire le texte 2. Répondre aux questions 3. Rendre la copie',
    '1. Lire le texte',
    '2. Répondre aux questions',
    '3. Rendre la copie',
  ),
  c('lists', 'a) le budget b) le calendrier c) les risques', 'a) le budget', 'b) le calendrier', 'c) les risques'),

  c('lines', 'Programme de la journée\nLa visite commence à dix heures.', 'Programme de la journée', 'La visite commence à dix heures.'),
  c('lines', 'Le maire a annoncé que la\nMairie resterait fermée.', 'Le maire a annoncé que la Mairie resterait fermée.'),

  c('addresses', 'Écrivez à contact@exemple.fr. Nous répondrons vite.', 'Écrivez à contact@exemple.fr.', 'Nous répondrons vite.'),
  c('ellipsis', 'Il hésita… Puis il entra.', 'Il hésita…', 'Puis il entra.'),
];
