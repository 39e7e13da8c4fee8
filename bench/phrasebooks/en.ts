import type { Phrasebook } from './phrasebook.js';

export const en: Phrasebook = {
  language: 'en',
  leadMinChars: 300,
  headlines: {
    taiwan: [
      'Taiwan tracks {n} Chinese military aircraft and {m} ships around the island',
      'PLA launches joint drills encircling Taiwan, Taipei condemns "provocation"',
      'Taiwan coast guard shadows Chinese vessels near Kinmen for {m} hours',
      'Lai Ching-te pledges to raise defence spending to {pct}% of GDP',
      'TSMC shares rise {pct}% as Taipei weighs new export rules',
    ],
    apt: [
      '{actor} hackers exploit {vendor} flaw {cve} to breach government networks',
      'Researchers link espionage campaign against Taiwanese chipmakers to {actor}',
      '{actor} targets telecom operators in {n} countries, report says',
      'CISA warns {actor} is pre-positioning inside critical infrastructure',
      'China-linked {actor} deploys new backdoor against Southeast Asian ministries',
    ],
    security: [
      '{vendor} patches actively exploited zero-day {cve}',
      'Ransomware attack disrupts {n} hospitals across the region',
      'Data breach exposes records of {n} million customers',
      'Critical flaw in {vendor} VPN appliances under mass exploitation',
    ],
    other: [
      'Heavy rain expected as typhoon approaches; {n} flights cancelled',
      'Stocks edge higher as investors await central bank decision',
      'Home side clinches title with {m}-1 win',
      'Museum reopens after {n}-month renovation',
      'Inflation eases to {pct}% in May',
    ],
  },
  sentences: {
    taiwan: [
      "Taiwan's defence ministry said it detected {n} aircraft of the People's Liberation Army and {m} navy vessels operating around the island in the 24 hours to 6 a.m.",
      "Of those, {m} aircraft crossed the median line of the Taiwan Strait and entered the island's southwestern air defence identification zone.",
      'Officials in Taipei described the activity as a pressure campaign and said forces were monitoring it with combat air patrols, navy ships and land-based missile systems.',
      'Beijing claims democratically governed Taiwan as its own territory and has never renounced the use of force to bring it under its control.',
      "Analysts said the drills appeared designed to test the island's response times ahead of the annual Han Kuang exercises.",
    ],
    apt: [
      'Security researchers said the group, tracked as {actor}, gained initial access by exploiting {cve}, a vulnerability in {vendor} edge devices that was patched earlier this year.',
      'The intrusions affected at least {n} organisations, including government agencies, telecommunications providers and defence contractors.',
      'Once inside, the attackers deployed a custom backdoor, harvested credentials and moved laterally to email servers, according to the report.',
      'The campaign overlaps with activity previously attributed to Chinese state-sponsored actors, although the researchers stopped short of a formal attribution.',
      'Authorities urged network defenders to apply the patch, hunt for the published indicators of compromise and reset credentials on affected appliances.',
    ],
    security: [
      '{vendor} said the vulnerability, tracked as {cve}, allows an unauthenticated attacker to execute arbitrary code and has been exploited in limited, targeted attacks.',
      'Customers are advised to upgrade to the latest release immediately; there is no workaround for devices that cannot be patched.',
      'The attack forced staff to switch to paper records and divert ambulances while systems were restored from backups.',
      'Investigators said the stolen data included names, phone numbers and partial payment details, and that passwords were not affected.',
      'The agency added the flaw to its catalogue of known exploited vulnerabilities and gave federal agencies {m} days to remediate.',
    ],
    other: [
      'Forecasters said rainfall could exceed {n}0 millimetres in mountainous areas and warned of landslides and flash floods.',
      'The benchmark index rose {pct}% in early trading, led by technology and financial shares, while bond yields were little changed.',
      "Fans gathered in the city centre to celebrate the victory, the club's first championship in {n} years.",
      'The renovation added new galleries, a rooftop garden and accessible entrances, and tickets for the opening weekend sold out within hours.',
      'Economists said lower energy prices helped cool inflation, but services costs remained stubbornly high.',
    ],
  },
};
