/**
 * ISO 3166-1 alpha-2 codes with the English names the lists use (OFAC `Korea, North`, UN
 * `Iran (Islamic Republic of)`), their common variants, and Spanish names for the region the
 * product serves. Matching folds case, accents and punctuation (see `countries.ts`).
 *
 * @module
 */

/** `CODE name|variant|…` per line. */
export const COUNTRY_LISTING = `
AF Afghanistan|Afganistan
AX Aland Islands
AL Albania
DZ Algeria|Argelia
AS American Samoa
AD Andorra
AO Angola
AI Anguilla
AQ Antarctica
AG Antigua and Barbuda
AR Argentina
AM Armenia
AW Aruba
AU Australia
AT Austria
AZ Azerbaijan|Azerbaiyan
BS Bahamas|The Bahamas
BH Bahrain|Barein
BD Bangladesh
BB Barbados
BY Belarus|Bielorrusia
BE Belgium|Belgica
BZ Belize|Belice
BJ Benin
BM Bermuda
BT Bhutan
BO Bolivia|Bolivia (Plurinational State of)|Plurinational State of Bolivia
BQ Bonaire, Sint Eustatius and Saba|Caribbean Netherlands
BA Bosnia and Herzegovina|Bosnia-Herzegovina|Bosnia y Herzegovina
BW Botswana
BR Brazil|Brasil
IO British Indian Ocean Territory
VG British Virgin Islands|Virgin Islands, British|Islas Virgenes Britanicas
BN Brunei|Brunei Darussalam
BG Bulgaria
BF Burkina Faso
MM Burma|Myanmar
BI Burundi
CV Cabo Verde|Cape Verde
KH Cambodia|Camboya
CM Cameroon|Camerun
CA Canada
KY Cayman Islands|Islas Caiman
CF Central African Republic|Republica Centroafricana
TD Chad
CL Chile
CN China|People's Republic of China
CX Christmas Island
CC Cocos (Keeling) Islands
CO Colombia|Republic of Colombia|Republica de Colombia
KM Comoros|Comoras
CG Congo|Republic of the Congo|Congo, Republic of the|Congo-Brazzaville
CD Democratic Republic of the Congo|Congo, Democratic Republic of the|DR Congo|DRC|Zaire|Republica Democratica del Congo
CK Cook Islands
CR Costa Rica
CI Cote d'Ivoire|Ivory Coast|Costa de Marfil
HR Croatia|Croacia
CU Cuba
CW Curacao
CY Cyprus|Chipre
CZ Czech Republic|Czechia|Republica Checa
DK Denmark|Dinamarca
DJ Djibouti|Yibuti
DM Dominica
DO Dominican Republic|Republica Dominicana
EC Ecuador
EG Egypt|Egipto
SV El Salvador
GQ Equatorial Guinea|Guinea Ecuatorial
ER Eritrea
EE Estonia
SZ Eswatini|Swaziland
ET Ethiopia|Etiopia
FK Falkland Islands|Islas Malvinas
FO Faroe Islands
FJ Fiji
FI Finland|Finlandia
FR France|Francia
GF French Guiana|Guayana Francesa
PF French Polynesia
GA Gabon
GM Gambia|The Gambia
GE Georgia
DE Germany|Alemania
GH Ghana
GI Gibraltar
GR Greece|Grecia
GL Greenland
GD Grenada|Granada
GP Guadeloupe
GU Guam
GT Guatemala
GG Guernsey
GN Guinea
GW Guinea-Bissau
GY Guyana
HT Haiti
VA Holy See|Vatican|Vatican City
HN Honduras
HK Hong Kong|Hong Kong SAR
HU Hungary|Hungria
IS Iceland|Islandia
IN India
ID Indonesia
IR Iran|Iran (Islamic Republic of)|Islamic Republic of Iran
IQ Iraq|Irak
IE Ireland|Irlanda
IM Isle of Man
IL Israel
IT Italy|Italia
JM Jamaica
JP Japan|Japon
JE Jersey
JO Jordan|Jordania
KZ Kazakhstan|Kazajistan
KE Kenya
KI Kiribati
KP Korea, North|North Korea|Democratic People's Republic of Korea|DPRK|Corea del Norte
KR Korea, South|South Korea|Republic of Korea|Corea del Sur
XK Kosovo
KW Kuwait
KG Kyrgyzstan|Kyrgyz Republic
LA Laos|Lao People's Democratic Republic
LV Latvia|Letonia
LB Lebanon|Libano
LS Lesotho
LR Liberia
LY Libya|Libia
LI Liechtenstein
LT Lithuania|Lituania
LU Luxembourg|Luxemburgo
MO Macau|Macao
MG Madagascar
MW Malawi
MY Malaysia|Malasia
MV Maldives|Maldivas
ML Mali
MT Malta
MH Marshall Islands|Islas Marshall
MQ Martinique
MR Mauritania
MU Mauritius|Mauricio
YT Mayotte
MX Mexico
FM Micronesia|Micronesia, Federated States of
MD Moldova|Republic of Moldova
MC Monaco
MN Mongolia
ME Montenegro
MS Montserrat
MA Morocco|Marruecos
MZ Mozambique
NA Namibia
NR Nauru
NP Nepal
NL Netherlands|Holland|Paises Bajos|Holanda
NC New Caledonia
NZ New Zealand|Nueva Zelanda
NI Nicaragua
NE Niger
NG Nigeria
NU Niue
NF Norfolk Island
MK North Macedonia|North Macedonia, The Republic of|Macedonia|Republic of North Macedonia
MP Northern Mariana Islands
NO Norway|Noruega
OM Oman
PK Pakistan|Pakistan
PW Palau
PS Palestinian|State of Palestine|Palestine|West Bank|Gaza|Region: Gaza|Palestinian Territories|Palestina
PA Panama
PG Papua New Guinea
PY Paraguay
PE Peru
PH Philippines|Filipinas
PN Pitcairn
PL Poland|Polonia
PT Portugal
PR Puerto Rico
QA Qatar
RE Reunion
RO Romania|Rumania
RU Russia|Russian Federation|Rusia|Federacion de Rusia
RW Rwanda|Ruanda
BL Saint Barthelemy
SH Saint Helena
KN Saint Kitts and Nevis
LC Saint Lucia|Santa Lucia
MF Saint Martin
PM Saint Pierre and Miquelon
VC Saint Vincent and the Grenadines|San Vicente y las Granadinas
WS Samoa
SM San Marino
ST Sao Tome and Principe
SA Saudi Arabia|Arabia Saudita|Arabia Saudi
SN Senegal
RS Serbia
SC Seychelles
SL Sierra Leone
SG Singapore|Singapur
SX Sint Maarten
SK Slovakia|Eslovaquia
SI Slovenia|Eslovenia
SB Solomon Islands
SO Somalia
ZA South Africa|Sudafrica
GS South Georgia and the South Sandwich Islands
SS South Sudan|Sudan del Sur|SouthSudan
ES Spain|Espana
LK Sri Lanka
SD Sudan
SR Suriname|Surinam
SJ Svalbard and Jan Mayen
SE Sweden|Suecia
CH Switzerland|Suiza
SY Syria|Syrian Arab Republic|Siria
TW Taiwan|Taiwan, Province of China|Chinese Taipei
TJ Tajikistan|Tayikistan
TZ Tanzania|United Republic of Tanzania
TH Thailand|Tailandia
TL Timor-Leste|East Timor
TG Togo
TK Tokelau
TO Tonga
TT Trinidad and Tobago|Trinidad y Tobago
TN Tunisia|Tunez
TR Turkey|Turkiye|Turquia
TM Turkmenistan
TC Turks and Caicos Islands
TV Tuvalu
UG Uganda
UA Ukraine|Ucrania
AE United Arab Emirates|UAE|Emiratos Arabes Unidos
GB United Kingdom|United Kingdom of Great Britain and Northern Ireland|UK|Great Britain|Britain|Reino Unido
US United States|United States of America|USA|U.S.A.|Estados Unidos|EEUU|EE.UU.
UY Uruguay
UZ Uzbekistan|Uzbekistan
VU Vanuatu
VE Venezuela|Venezuela (Bolivarian Republic of)|Bolivarian Republic of Venezuela
VN Vietnam|Viet Nam
VI U.S. Virgin Islands|Virgin Islands, U.S.
WF Wallis and Futuna
EH Western Sahara|Sahara Occidental
YE Yemen
ZM Zambia
ZW Zimbabwe
`;
