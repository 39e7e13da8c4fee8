import type { Phrasebook } from './phrasebook.js';

export const de: Phrasebook = {
  language: 'de',
  leadMinChars: 300,
  headlines: {
    taiwan: [
      'Taiwan meldet {n} chinesische Militärflugzeuge nahe der Insel',
      'China beginnt großangelegtes Manöver rund um Taiwan',
      'Taiwans Küstenwache beobachtet {m} chinesische Schiffe vor Kinmen',
      'TSMC-Aktie steigt um {pct} Prozent',
    ],
    apt: [
      'Hackergruppe {actor} nutzt Sicherheitslücke {cve} in {vendor}-Geräten aus',
      '{actor} greift Telekommunikationsanbieter in {n} Ländern an',
      'BSI warnt vor Angriffen der Gruppe {actor}',
      '{actor} setzt neue Hintertür gegen Behörden in Südostasien ein',
    ],
    security: [
      '{vendor} schließt aktiv ausgenutzte Zero-Day-Lücke {cve}',
      'Ransomware-Angriff legt {n} Krankenhäuser lahm',
      'Datenleck: {n} Millionen Kunden betroffen',
      'Kritische Lücke in VPN-Gateways von {vendor} wird massenhaft ausgenutzt',
    ],
    other: [
      'Taifun: {n} Flüge gestrichen',
      'DAX schließt {pct} Prozent im Plus',
      'Bundesliga: Heimsieg mit {m}:1',
      'Inflation sinkt im Mai auf {pct} Prozent',
    ],
  },
  sentences: {
    taiwan: [
      'Das taiwanische Verteidigungsministerium teilte mit, binnen 24 Stunden {n} Flugzeuge und {m} Schiffe der chinesischen Volksbefreiungsarmee rund um die Insel registriert zu haben.',
      '{m} der Flugzeuge hätten die Mittellinie der Taiwanstraße überquert und seien in die südwestliche Luftverteidigungszone eingedrungen.',
      'Peking betrachtet Taiwan als Teil seines Territoriums und schließt den Einsatz militärischer Gewalt nicht aus.',
      'Beobachter werten das Manöver als Test der Reaktionsfähigkeit der taiwanischen Streitkräfte.',
    ],
    apt: [
      'Nach Angaben der Forscher verschaffte sich die als {actor} bekannte Gruppe über die Schwachstelle {cve} in {vendor}-Geräten ersten Zugang, die Anfang des Jahres geschlossen wurde.',
      'Betroffen sind mindestens {n} Organisationen, darunter Ministerien, Telekommunikationsunternehmen und Rüstungszulieferer.',
      'Im Netzwerk installierten die Angreifer eine eigens entwickelte Hintertür, stahlen Zugangsdaten und bewegten sich seitlich bis zu den Mailservern.',
      'Die Behörden raten, die Updates umgehend einzuspielen und die Systeme auf die veröffentlichten Kompromittierungsindikatoren zu prüfen.',
    ],
    security: [
      '{vendor} zufolge erlaubt die Schwachstelle {cve} nicht authentifizierten Angreifern, beliebigen Code auszuführen, und wurde bereits für gezielte Angriffe genutzt.',
      'Nutzer sollten umgehend auf die neueste Version aktualisieren.',
      'Die Kliniken mussten auf Papier umstellen und einen Teil der Notfallpatienten an andere Häuser verweisen.',
      'Zu den erbeuteten Daten zählen Namen, Telefonnummern und teilweise Zahlungsinformationen, Passwörter seien nicht betroffen.',
    ],
    other: [
      'Der Wetterdienst erwartet in den Bergen mehr als {n}0 Liter Regen pro Quadratmeter und warnt vor Erdrutschen und Hochwasser.',
      'Getragen wurde das Plus von Technologie- und Finanzwerten bei lebhaftem Handel.',
      'Nach dem Abpfiff feierten die Fans in der Innenstadt den ersten Titel seit {n} Jahren.',
      'Ökonomen zufolge dämpften niedrigere Energiepreise die Teuerung, Dienstleistungen verteuerten sich jedoch weiter.',
    ],
  },
};
