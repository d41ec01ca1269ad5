"""Known names for entity resolution: countries with their variants, demonyms and
capitals, regions, major cities and well-known organisations.

Each country line is ``Canonical | variants | demonyms | capitals`` (``;`` between
items, ``/`` between the spellings of one capital). The first demonym is the canonical NORP entity; the others (plural
nouns, adjectives) merge into it. This data only sets priors and merges known
variants: the vote over a name's mentions and the user's alias file still decide.
"""
from __future__ import annotations

from dataclasses import dataclass

from analysis.entities.keys import name_key

__all__ = ["Known", "KNOWN", "FINDABLE_KEYS", "lookup"]

_COUNTRIES = """
Afghanistan | Islamic Emirate of Afghanistan | Afghan; Afghans | Kabul
Albania | | Albanian; Albanians | Tirana
Algeria | | Algerian; Algerians | Algiers
Andorra | | Andorran | Andorra la Vella
Angola | | Angolan; Angolans | Luanda
Antigua and Barbuda | | Antiguan | St John's
Argentina | | Argentine; Argentinian; Argentines; Argentinians | Buenos Aires
Armenia | | Armenian; Armenians | Yerevan
Australia | | Australian; Australians | Canberra
Austria | | Austrian; Austrians | Vienna
Azerbaijan | | Azerbaijani; Azerbaijanis; Azeri; Azeris | Baku
Bahamas | | Bahamian | Nassau
Bahrain | | Bahraini; Bahrainis | Manama
Bangladesh | | Bangladeshi; Bangladeshis | Dhaka
Barbados | | Barbadian | Bridgetown
Belarus | Byelorussia | Belarusian; Belarusians; Belarussian | Minsk
Belgium | | Belgian; Belgians | Brussels
Belize | | Belizean | Belmopan
Benin | | Beninese | Porto-Novo
Bhutan | | Bhutanese | Thimphu
Bolivia | | Bolivian; Bolivians | Sucre; La Paz
Bosnia and Herzegovina | Bosnia; Bosnia-Herzegovina; BiH | Bosnian; Bosnians | Sarajevo
Botswana | | Botswanan; Motswana | Gaborone
Brazil | | Brazilian; Brazilians | Brasilia
Brunei | | Bruneian | Bandar Seri Begawan
Bulgaria | | Bulgarian; Bulgarians | Sofia
Burkina Faso | | Burkinabe | Ouagadougou
Burundi | | Burundian | Gitega
Cambodia | | Cambodian; Cambodians; Khmer | Phnom Penh
Cameroon | | Cameroonian; Cameroonians | Yaounde
Canada | | Canadian; Canadians | Ottawa
Cape Verde | Cabo Verde | Cape Verdean | Praia
Central African Republic | | Central African | Bangui
Chad | | Chadian; Chadians | N'Djamena
Chile | | Chilean; Chileans | Santiago
China | People's Republic of China; PRC; mainland China | Chinese | Beijing
Colombia | | Colombian; Colombians | Bogota
Comoros | | Comoran | Moroni
Congo | Republic of the Congo; Congo-Brazzaville | Congolese | Brazzaville
Democratic Republic of the Congo | DRC; DR Congo; Congo-Kinshasa | | Kinshasa
Costa Rica | | Costa Rican; Costa Ricans | San Jose
Croatia | | Croatian; Croatians; Croat; Croats | Zagreb
Cuba | | Cuban; Cubans | Havana
Cyprus | | Cypriot; Cypriots | Nicosia
Czech Republic | Czechia | Czech; Czechs | Prague
Denmark | | Danish; Dane; Danes | Copenhagen
Djibouti | | Djiboutian | Djibouti City
Dominican Republic | | Dominican; Dominicans | Santo Domingo
Ecuador | | Ecuadorian; Ecuadorians | Quito
Egypt | | Egyptian; Egyptians | Cairo
El Salvador | | Salvadoran; Salvadorans | San Salvador
Equatorial Guinea | | Equatoguinean | Malabo
Eritrea | | Eritrean; Eritreans | Asmara
Estonia | | Estonian; Estonians | Tallinn
Eswatini | Swaziland | Swazi | Mbabane
Ethiopia | | Ethiopian; Ethiopians | Addis Ababa
Fiji | | Fijian; Fijians | Suva
Finland | | Finnish; Finn; Finns | Helsinki
France | French Republic | French; Frenchman; Frenchmen | Paris
Gabon | | Gabonese | Libreville
Gambia | The Gambia | Gambian; Gambians | Banjul
Georgia | | Georgian; Georgians | Tbilisi
Germany | Federal Republic of Germany | German; Germans | Berlin
Ghana | | Ghanaian; Ghanaians | Accra
Greece | Hellenic Republic | Greek; Greeks | Athens
Grenada | | Grenadian | St George's
Guatemala | | Guatemalan; Guatemalans | Guatemala City
Guinea | | Guinean; Guineans | Conakry
Guinea-Bissau | | Bissau-Guinean | Bissau
Guyana | | Guyanese | Georgetown
Haiti | | Haitian; Haitians | Port-au-Prince
Honduras | | Honduran; Hondurans | Tegucigalpa
Hungary | | Hungarian; Hungarians | Budapest
Iceland | | Icelandic; Icelander; Icelanders | Reykjavik
India | | Indian; Indians | New Delhi
Indonesia | | Indonesian; Indonesians | Jakarta
Iran | Islamic Republic of Iran | Iranian; Iranians | Tehran
Iraq | | Iraqi; Iraqis | Baghdad
Ireland | Republic of Ireland; Eire | Irish | Dublin
Israel | State of Israel | Israeli; Israelis | Jerusalem
Italy | | Italian; Italians | Rome
Ivory Coast | Cote d'Ivoire | Ivorian; Ivorians | Yamoussoukro; Abidjan
Jamaica | | Jamaican; Jamaicans | Kingston
Japan | | Japanese | Tokyo
Jordan | Hashemite Kingdom of Jordan | Jordanian; Jordanians | Amman
Kazakhstan | Republic of Kazakhstan; Kazakstan | Kazakh; Kazakhs; Kazakhstani; Kazakhstanis | Astana/Nur-Sultan
Kenya | | Kenyan; Kenyans | Nairobi
Kiribati | | I-Kiribati | Tarawa
Kosovo | | Kosovar; Kosovars; Kosovan | Pristina
Kuwait | | Kuwaiti; Kuwaitis | Kuwait City
Kyrgyzstan | Kyrgyz Republic; Kirghizia | Kyrgyz; Kyrgyzstani | Bishkek
Laos | Lao PDR | Laotian; Laotians; Lao | Vientiane
Latvia | | Latvian; Latvians | Riga
Lebanon | | Lebanese | Beirut
Lesotho | | Basotho | Maseru
Liberia | | Liberian; Liberians | Monrovia
Libya | | Libyan; Libyans | Tripoli
Liechtenstein | | Liechtensteiner | Vaduz
Lithuania | | Lithuanian; Lithuanians | Vilnius
Luxembourg | | Luxembourgish; Luxembourger | Luxembourg City
Madagascar | | Malagasy | Antananarivo
Malawi | | Malawian; Malawians | Lilongwe
Malaysia | | Malaysian; Malaysians | Kuala Lumpur
Maldives | | Maldivian |
Mali | | Malian; Malians | Bamako
Malta | | Maltese | Valletta
Marshall Islands | | Marshallese | Majuro
Mauritania | | Mauritanian; Mauritanians | Nouakchott
Mauritius | | Mauritian | Port Louis
Mexico | | Mexican; Mexicans | Mexico City
Micronesia | | Micronesian | Palikir
Moldova | Republic of Moldova | Moldovan; Moldovans | Chisinau
Monaco | | Monegasque | Monaco-Ville
Mongolia | | Mongolian; Mongolians; Mongol; Mongols | Ulaanbaatar/Ulan Bator
Montenegro | | Montenegrin; Montenegrins | Podgorica
Morocco | | Moroccan; Moroccans | Rabat
Mozambique | | Mozambican; Mozambicans | Maputo
Myanmar | Burma | Burmese; Myanmarese | Naypyidaw
Namibia | | Namibian; Namibians | Windhoek
Nauru | | Nauruan | Yaren
Nepal | | Nepali; Nepalese; Nepalis | Kathmandu
Netherlands | Holland | Dutch; Dutchman | Amsterdam
New Zealand | | New Zealander; New Zealanders; Kiwi | Wellington
Nicaragua | | Nicaraguan; Nicaraguans | Managua
Niger | | Nigerien | Niamey
Nigeria | | Nigerian; Nigerians | Abuja
North Korea | DPRK; Democratic People's Republic of Korea | North Korean; North Koreans | Pyongyang
North Macedonia | Macedonia; Republic of North Macedonia | Macedonian; Macedonians | Skopje
Norway | | Norwegian; Norwegians | Oslo
Oman | | Omani; Omanis | Muscat
Pakistan | | Pakistani; Pakistanis | Islamabad
Palau | | Palauan | Ngerulmud
Palestine | State of Palestine; Palestinian territories | Palestinian; Palestinians | Ramallah
Panama | | Panamanian; Panamanians | Panama City
Papua New Guinea | PNG | Papua New Guinean | Port Moresby
Paraguay | | Paraguayan; Paraguayans | Asuncion
Peru | | Peruvian; Peruvians | Lima
Philippines | | Filipino; Filipinos; Philippine | Manila
Poland | | Polish; Pole; Poles | Warsaw
Portugal | | Portuguese | Lisbon
Qatar | | Qatari; Qataris | Doha
Romania | | Romanian; Romanians | Bucharest
Russia | Russian Federation | Russian; Russians | Moscow
Rwanda | | Rwandan; Rwandans | Kigali
Saint Lucia | St Lucia | Saint Lucian | Castries
Samoa | | Samoan; Samoans | Apia
San Marino | | Sammarinese | City of San Marino
Saudi Arabia | Kingdom of Saudi Arabia; KSA | Saudi; Saudis | Riyadh
Senegal | | Senegalese | Dakar
Serbia | | Serbian; Serbians; Serb; Serbs | Belgrade
Seychelles | | Seychellois |
Sierra Leone | | Sierra Leonean | Freetown
Singapore | | Singaporean; Singaporeans |
Slovakia | Slovak Republic | Slovak; Slovaks; Slovakian | Bratislava
Slovenia | | Slovenian; Slovenians; Slovene; Slovenes | Ljubljana
Solomon Islands | | Solomon Islander | Honiara
Somalia | | Somali; Somalis | Mogadishu
South Africa | | South African; South Africans | Pretoria; Cape Town
South Korea | Republic of Korea; ROK | South Korean; South Koreans | Seoul
South Sudan | | South Sudanese | Juba
Spain | | Spanish; Spaniard; Spaniards | Madrid
Sri Lanka | | Sri Lankan; Sri Lankans | Colombo; Sri Jayawardenepura Kotte
Sudan | | Sudanese | Khartoum
Suriname | | Surinamese | Paramaribo
Sweden | | Swedish; Swede; Swedes | Stockholm
Switzerland | Swiss Confederation | Swiss | Bern
Syria | Syrian Arab Republic | Syrian; Syrians | Damascus
Taiwan | Republic of China | Taiwanese | Taipei
Tajikistan | | Tajik; Tajiks; Tajikistani | Dushanbe
Tanzania | | Tanzanian; Tanzanians | Dodoma
Thailand | | Thai; Thais | Bangkok
Timor-Leste | East Timor | Timorese | Dili
Togo | | Togolese | Lome
Tonga | | Tongan | Nuku'alofa
Trinidad and Tobago | | Trinidadian | Port of Spain
Tunisia | | Tunisian; Tunisians | Tunis
Turkey | Turkiye; Republic of Turkey | Turkish; Turk; Turks | Ankara
Turkmenistan | | Turkmen; Turkmens | Ashgabat
Tuvalu | | Tuvaluan | Funafuti
Uganda | | Ugandan; Ugandans | Kampala
Ukraine | | Ukrainian; Ukrainians | Kyiv/Kiev
United Arab Emirates | UAE; U.A.E. | Emirati; Emiratis | Abu Dhabi
United Kingdom | UK; U.K.; Britain; Great Britain; United Kingdom of Great Britain and Northern Ireland \
 | British; Briton; Britons; Brit; Brits | London
United States | US; U.S.; USA; U.S.A.; United States of America; America | American; Americans \
 | Washington/Washington, D.C./Washington DC
Uruguay | | Uruguayan; Uruguayans | Montevideo
Uzbekistan | | Uzbek; Uzbeks; Uzbekistani | Tashkent
Vanuatu | | Ni-Vanuatu | Port Vila
Vatican City | Vatican; Holy See | |
Venezuela | | Venezuelan; Venezuelans | Caracas
Vietnam | Viet Nam | Vietnamese | Hanoi
Yemen | | Yemeni; Yemenis | Sanaa
Zambia | | Zambian; Zambians | Lusaka
Zimbabwe | | Zimbabwean; Zimbabweans | Harare
England | | English; Englishman |
Scotland | | Scottish; Scot; Scots | Edinburgh
Wales | | Welsh | Cardiff
Northern Ireland | | Northern Irish | Belfast
Greenland | | Greenlandic; Greenlander | Nuuk
Hong Kong | | Hongkonger |
Puerto Rico | | Puerto Rican; Puerto Ricans | San Juan
Soviet Union | USSR; U.S.S.R. | Soviets; Soviet |
Yugoslavia | | Yugoslavs; Yugoslav |
Czechoslovakia | | Czechoslovaks; Czechoslovak |
East Germany | German Democratic Republic; GDR | East Germans; East German |
"""

#: Places that are not countries, and groups of people that are not demonyms (religions, ethnic groups:
#: "Muslims", "Hispanics", NORP; not a singular that is also a first name, "Christian"): (canonical, label,
#: variants).
_PLACES = """
Central Asia | LOC |
Middle East | LOC | Mideast
Europe | LOC |
Asia | LOC |
Africa | LOC |
North America | LOC |
South America | LOC |
Latin America | LOC |
Eastern Europe | LOC |
Western Europe | LOC |
Southeast Asia | LOC | South-East Asia
South Asia | LOC |
East Asia | LOC |
Asia-Pacific | LOC | Asia Pacific
Indo-Pacific | LOC |
Eurasia | LOC |
Caucasus | LOC | South Caucasus
Balkans | LOC | Western Balkans
Scandinavia | LOC |
Caspian Sea | LOC | Caspian
Black Sea | LOC |
Baltic Sea | LOC |
Mediterranean | LOC | Mediterranean Sea
Persian Gulf | LOC |
Red Sea | LOC |
Arctic | LOC |
Antarctica | LOC |
Sahel | LOC |
Siberia | LOC |
Pacific | LOC | Pacific Ocean
Atlantic | LOC | Atlantic Ocean
Gaza | GPE | Gaza Strip
Donbas | GPE | Donbass
New York | GPE | New York City; NYC
Los Angeles | GPE | LA
Almaty | GPE | Alma-Ata
Karaganda | GPE | Karagandy
St Petersburg | GPE | St. Petersburg; Saint Petersburg
Kharkiv | GPE | Kharkov
Odesa | GPE | Odessa
Mumbai | GPE | Bombay
The Hague | GPE | Hague
Rio de Janeiro | GPE | Rio
St Louis | GPE | St. Louis; Saint Louis
New Delhi | GPE | Delhi
Democrat | NORP | Democrats; Democratic
Republican | NORP | Republicans
Conservative | NORP |
Tory | NORP |
Conservative Party | ORG | Conservatives; Tories; Tory Party
Liberal Democrats | ORG | Lib Dems; Liberal Democrat Party
Muslim | NORP | Muslims
Christians | NORP |
Catholic | NORP | Catholics
Protestant | NORP | Protestants
Orthodox | NORP |
Jew | NORP | Jews; Jewish
Hindu | NORP | Hindus
Sikh | NORP | Sikhs
Buddhist | NORP | Buddhists
Evangelical | NORP | Evangelicals
Mormon | NORP | Mormons
Sunni | NORP | Sunnis
Shiite | NORP | Shiites; Shia; Shi'ite; Shi'ites
Hispanic | NORP | Hispanics
Latino | NORP | Latinos; Latina; Latinas
African-American | NORP | African-Americans; African American; African Americans
Asian-American | NORP | Asian-Americans; Asian American; Asian Americans
Arab | NORP | Arabs
Kurd | NORP | Kurds; Kurdish
Moon | LOC |
Mars | LOC |
Earth | LOC |
"""

#: Cities, states and regions (GPE) without variants, ";" between them.
_GPE_NAMES = """
West Bank; Crimea; Kashmir; Chicago; San Francisco; Houston; Boston; Miami; Seattle; Shymkent; Aktau; Atyrau;
Samarkand; Bukhara; Lviv; Istanbul; Dubai; Shanghai; Hong Kong; Sydney; Melbourne; Toronto; Montreal;
Frankfurt; Munich; Hamburg; Milan; Barcelona; Geneva; Zurich; Davos; Brussels; Strasbourg; Manchester;
Glasgow; Lagos; Johannesburg; Karachi; Lahore; Sao Paulo; Dallas; Austin; Denver; Phoenix; Atlanta; Detroit;
Philadelphia; Nashville; Jackson; Lincoln; Orlando; Portland; Cleveland; Charlotte; Madison; Raleigh;
Richmond; Columbus; Memphis; Baltimore; Milwaukee; Pittsburgh; Sacramento; Honolulu; Anchorage; Minneapolis;
Tampa; Indianapolis; Birmingham; Liverpool; Leeds; Bristol; Sheffield; Newcastle; Oxford; Cambridge; Lyon;
Marseille; Cologne; Naples; Turin; Valencia; Seville; Porto; Gdansk; Rotterdam; Antwerp; Osaka; Kyoto;
Yokohama; Busan; Kolkata; Chennai; Bangalore; Hyderabad; Guangzhou; Shenzhen; Wuhan; Chongqing; Tianjin;
Jeddah; Mecca; Medina; Basra; Mosul; Aleppo; Homs; Isfahan; Tabriz; Alexandria; Casablanca; Marrakesh;
Mombasa; Durban; Vancouver; Calgary; Quebec; Guadalajara; Monterrey; Medellin; Auckland; Brisbane; Perth;
Adelaide; Aqaba; Semey; Pavlodar; Kostanay; Taraz; Oral; Turkestan; Ganja; Sumgait; Batumi; Kutaisi; Osh;
Khujand; Donetsk; Luhansk; Mariupol; Zaporizhzhia; Kherson; Dnipro; Novosibirsk; Yekaterinburg; Kazan; Samara;
Omsk; Chelyabinsk; Rostov; Volgograd; Astrakhan; Makhachkala; Grozny; Sochi; Vladivostok; Kaliningrad;
Murmansk; Minsk; Las Vegas; San Diego; San Antonio; Kansas City; Alabama; Alaska; Arizona; Arkansas;
California; Colorado; Connecticut; Delaware; Florida; Hawaii; Idaho; Illinois; Indiana; Iowa; Kansas;
Kentucky; Louisiana; Maine; Maryland; Massachusetts; Michigan; Minnesota; Mississippi; Missouri; Montana;
Nebraska; Nevada; New Hampshire; New Jersey; New Mexico; North Carolina; North Dakota; Ohio; Oklahoma; Oregon;
Pennsylvania; Rhode Island; South Carolina; South Dakota; Tennessee; Texas; Utah; Vermont; Virginia; West
Virginia; Wisconsin; Wyoming
"""

#: One-word organisations found in the text even where spaCy misses them ("the Facebook page").
_FINDABLE_ORGS = frozenset("Reuters Facebook Google Microsoft YouTube Instagram WhatsApp TikTok LinkedIn".split())

#: US states' abbreviations in datelines (AP style): state → abbreviations. Those that are English words or
#: titles once the dots are gone ("Ill.", "Mass.", "Miss.", "Pa.") match only with their dot, which the key of
#: an abbreviation of two letters or more keeps ("pa."); Canada's provinces and territories (round 10). "N.Y."
#: is left out: its key is that of "NY", which the gazetteer's "New York" (the city) would take.
_STATE_ABBREVIATIONS = """
Illinois: Ill.; Indiana: Ind.; Louisiana: La.; Massachusetts: Mass.; Mississippi: Miss.; Pennsylvania: Pa.;
Texas: Tex.; Washington: Wash.; Delaware: Del.;
Nova Scotia: N.S.; Ontario: Ont.; Quebec: Que.; British Columbia: B.C.; Alberta: Alta.; Saskatchewan: Sask.;
New Brunswick: N.B.; Prince Edward Island: P.E.I.; Newfoundland and Labrador: N.L., Nfld.; Yukon: Y.T.;
Northwest Territories: N.W.T.; Nunavut: Nvt.;
Alabama: Ala.; Arizona: Ariz.; Arkansas: Ark.; California: Calif.; Colorado: Colo.; Connecticut: Conn.;
Florida: Fla.; Georgia: Ga.; Kansas: Kan., Kans.; Kentucky: Ky.; Maryland: Md.; Michigan: Mich.; Minnesota: Minn.;
Montana: Mont.; Nebraska: Neb., Nebr.; Nevada: Nev.; New Hampshire: N.H.; New Jersey: N.J.; New Mexico: N.M.;
North Carolina: N.C.; North Dakota: N.D.; Oklahoma: Okla.; Oregon: Ore., Oreg.; Rhode Island: R.I.;
South Carolina: S.C.; South Dakota: S.D.; Tennessee: Tenn.; Vermont: Vt.; Virginia: Va.; West Virginia: W.Va.;
Wisconsin: Wis.; Wyoming: Wyo.
"""

#: US states' nicknames of the form "the X State" (those no college, team or building is named by alone).
_STATE_NICKNAMES = """
New Hampshire: Granite State; Iowa: Hawkeye State; South Carolina: Palmetto State; Nevada: Silver State;
Ohio: Buckeye State; Pennsylvania: Keystone State; Florida: Sunshine State; Texas: Lone Star State;
Massachusetts: Bay State; Georgia: Peach State; Missouri: Show-Me State; Michigan: Wolverine State;
Wisconsin: Badger State; North Carolina: Tar Heel State; Tennessee: Volunteer State; Kentucky: Bluegrass State;
Indiana: Hoosier State; Utah: Beehive State; Louisiana: Pelican State; Mississippi: Magnolia State;
Colorado: Centennial State; Vermont: Green Mountain State; Oklahoma: Sooner State; Nebraska: Cornhusker State;
Arizona: Grand Canyon State; Idaho: Gem State; Maine: Pine Tree State; Rhode Island: Ocean State;
Minnesota: North Star State; Alabama: Yellowhammer State; Kansas: Sunflower State; Hawaii: Aloha State
"""

#: Well-known organisations: (canonical, variants).
_ORGS = """
European Union | EU; E.U.
United Nations | UN; U.N.
UN Security Council | United Nations Security Council; UNSC; U.N. Security Council
NATO | North Atlantic Treaty Organization; North Atlantic Treaty Organisation; Nato; North Atlantic Alliance
World Health Organization | WHO; World Health Organisation
International Monetary Fund | IMF
World Bank |
World Trade Organization | WTO; World Trade Organisation
European Commission |
European Parliament |
European Central Bank | ECB
Federal Reserve | US Federal Reserve; U.S. Federal Reserve; Fed; US Fed; U.S. Fed
Collective Security Treaty Organization | CSTO; Collective Security Treaty Organisation
Shanghai Cooperation Organisation | SCO; Shanghai Cooperation Organization
Eurasian Economic Union | EAEU; EEU
Commonwealth of Independent States | CIS
Organization for Security and Co-operation in Europe | OSCE; Organization for Security and Cooperation in Europe
Organization of Turkic States | OTS; Organisation of Turkic States
Association of Southeast Asian Nations | ASEAN
African Union |
BRICS |
OPEC | Organization of the Petroleum Exporting Countries
G7 | Group of Seven; G-7
G8 | Group of Eight; G-8
G20 | Group of 20; G-20; Group of Twenty
International Atomic Energy Agency | IAEA
International Criminal Court | ICC
Islamic State | ISIS; ISIL; Daesh; Islamic State of Iraq and Syria; Islamic State of Iraq and the Levant
Federal Bureau of Investigation | FBI
Central Intelligence Agency | CIA
State Department | US State Department; U.S. State Department; Department of State
Pentagon | US Department of Defense; Department of Defense
Kremlin |
White House |
Republican Party | GOP; G.O.P.; Republican party
Democratic Party | Democrat Party; Democratic party
Associated Press | AP
Agence France-Presse | AFP
Reuters |
United Press International | UPI
Deutsche Presse-Agentur | dpa
Facebook |
Google |
Microsoft |
YouTube |
Instagram |
WhatsApp |
TikTok |
LinkedIn |
"""


@dataclass(frozen=True)
class Known:
    """What the gazetteer knows about one name.

    Attributes:
        canonical: The entity name this surface form belongs to.
        label: Its spaCy label (GPE, LOC, NORP or ORG).
        country: For a demonym, the country it belongs to; else "".
    """

    canonical: str
    label: str
    country: str = ""


def _items(field: str) -> list[str]:
    return [x.strip() for x in field.split(";") if x.strip()]


#: Folded names and variants of countries and well-known organisations, found in the text
#: even where spaCy misses them (filled by :func:`_build`).
FINDABLE_KEYS: set[str] = set()


def _build() -> dict[str, Known]:
    known: dict[str, Known] = {}

    def add(surface: str, entry: Known) -> None:
        known.setdefault(name_key(surface), entry)

    for line in _COUNTRIES.strip().splitlines():
        name, variants, demonyms, capitals = (f.strip() for f in (line.split("|") + ["", "", ""])[:4])
        for surface in [name, *_items(variants)]:
            add(surface, Known(name, "GPE"))
            FINDABLE_KEYS.add(name_key(surface))
        norps = _items(demonyms)
        for surface in norps:
            add(surface, Known(norps[0], "NORP", name))
        for capital in _items(capitals):
            forms = [f.strip() for f in capital.split("/")]
            for surface in forms:
                add(surface, Known(forms[0], "GPE"))
    for line in _PLACES.strip().splitlines():
        name, label, variants = (f.strip() for f in line.split("|"))
        for surface in [name, *_items(variants)]:
            add(surface, Known(name, label))
    for name in _items(_GPE_NAMES.replace("\n", " ")):
        add(name, Known(name, "GPE"))
    for item in _items(_STATE_ABBREVIATIONS.replace("\n", " ")):
        state, abbreviations = (f.strip() for f in item.split(":"))
        add(state, Known(state, "GPE"))  # a Canadian province the other lists lack
        for surface in abbreviations.split(","):
            add(surface.strip(), Known(state, "GPE"))
    for item in _items(_STATE_NICKNAMES.replace("\n", " ")):
        state, nickname = (f.strip() for f in item.split(":"))
        add(nickname, Known(state, "GPE"))
    for line in _ORGS.strip().splitlines():
        name, variants = (f.strip() for f in line.split("|"))
        for surface in [name, *_items(variants)]:
            add(surface, Known(name, "ORG"))
            if surface.isupper() or len(surface.split()) > 1 or name in _FINDABLE_ORGS:  # not "Fed"
                FINDABLE_KEYS.add(name_key(surface))
    return known


#: Folded surface form → what is known about it.
KNOWN: dict[str, Known] = _build()


def lookup(key: str) -> Known | None:
    """What is known about a folded name key (see :func:`analysis.entities.keys.name_key`), or None."""
    return KNOWN.get(key)
