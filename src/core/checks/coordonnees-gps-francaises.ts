// coordonnees-gps-francaises (fr-format): a longitude, latitude pair inside metropolitan
// France or an overseas département — Validata's french-gps-coordinates under fr-format's name.
import { gpsCheck } from './french-gps-coordinates';

export const coordonneesGpsFrancaises = gpsCheck('coordonnees-gps-francaises');
