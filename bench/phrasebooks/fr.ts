import type { Phrasebook } from './phrasebook.js';

export const fr: Phrasebook = {
  language: 'fr',
  leadMinChars: 300,
  headlines: {
    taiwan: [
      "Taïwan détecte {n} avions militaires chinois autour de l'île",
      "La Chine lance des manœuvres d'encerclement autour de Taïwan",
      'Les garde-côtes taïwanais surveillent {m} navires chinois près de Kinmen',
      'Le titre TSMC gagne {pct} % à la Bourse de Taipei',
    ],
    apt: [
      'Le groupe {actor} exploite la faille {cve} de {vendor} pour infiltrer des ministères',
      'Cyberespionnage : {actor} cible des opérateurs télécoms dans {n} pays',
      "L'ANSSI alerte sur les activités du groupe {actor}",
      '{actor} utilise une nouvelle porte dérobée contre des administrations asiatiques',
    ],
    security: [
      '{vendor} corrige une faille zero-day {cve} activement exploitée',
      'Une cyberattaque par rançongiciel paralyse {n} hôpitaux',
      'Fuite de données : {n} millions de clients concernés',
      'Faille critique dans les passerelles VPN de {vendor} : exploitation massive',
    ],
    other: [
      'Typhon : {n} vols annulés',
      'Le CAC 40 termine en hausse de {pct} %',
      'Ligue 1 : victoire {m}-1 à domicile',
      "L'inflation ralentit à {pct} % en mai",
    ],
  },
  sentences: {
    taiwan: [
      "Le ministère taïwanais de la Défense a indiqué avoir détecté {n} avions et {m} navires de l'Armée populaire de libération autour de l'île au cours des dernières vingt-quatre heures.",
      "Parmi eux, {m} appareils ont franchi la ligne médiane du détroit de Taïwan et pénétré dans la zone d'identification de défense aérienne du sud-ouest.",
      "Pékin considère Taïwan comme une partie de son territoire et n'exclut pas le recours à la force pour en prendre le contrôle.",
      'Selon des analystes, ces exercices visent à tester la capacité de réaction des forces taïwanaises.',
    ],
    apt: [
      'Selon les chercheurs, le groupe suivi sous le nom {actor} a obtenu un accès initial en exploitant la vulnérabilité {cve} dans des équipements {vendor}, corrigée plus tôt cette année.',
      'Au moins {n} organisations ont été touchées, dont des administrations, des opérateurs de télécommunications et des industriels de la défense.',
      'Une fois dans le réseau, les attaquants ont déployé une porte dérobée sur mesure, volé des identifiants et rebondi vers les serveurs de messagerie.',
      "Les autorités recommandent d'appliquer sans délai les correctifs et de rechercher les indicateurs de compromission publiés.",
    ],
    security: [
      "{vendor} indique que la vulnérabilité {cve} permet à un attaquant non authentifié d'exécuter du code arbitraire et qu'elle a été exploitée lors d'attaques ciblées.",
      'Les utilisateurs sont invités à installer immédiatement la dernière version.',
      "Les hôpitaux ont dû revenir au papier et réorienter une partie des urgences vers d'autres établissements.",
      'Les données dérobées comprennent des noms, des numéros de téléphone et des informations bancaires partielles, mais aucun mot de passe.',
    ],
    other: [
      'Météo-France prévoit des cumuls de pluie pouvant dépasser {n}0 millimètres sur les reliefs et appelle à la plus grande prudence.',
      'La hausse a été portée par les valeurs technologiques et bancaires, dans des volumes soutenus.',
      'Les supporters se sont rassemblés dans le centre-ville pour célébrer le premier titre du club depuis {n} ans.',
      "Selon les économistes, la baisse des prix de l'énergie a freiné l'inflation, mais les prix des services restent élevés.",
    ],
  },
};
