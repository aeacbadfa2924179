//! Built-in word lists: stopwords, common words, gazetteers, titles and cue words.
//!
//! Every list is a `|`-separated lowercase string, parsed once into a set on
//! first use and shared read-only. Lookups take lowercase keys; multi-word
//! entries use single spaces.
use foldhash::HashSet;
use std::sync::OnceLock;

/// English function words: never names on their own, never keywords.
const STOPWORDS: &str = "a|about|above|across|after|afterwards|again|against|ago|ahead|all|almost|alone|along|already|also|although|always|am|among|amongst|an|and|another|any|anybody|anyhow|anyone|anything|anyway|anywhere|are|around|as|at|away|back|be|became|because|become|becomes|been|before|beforehand|behind|being|below|beside|besides|between|beyond|both|but|by|can|cannot|could|did|do|does|doing|done|down|during|each|either|else|elsewhere|enough|especially|etc|even|ever|every|everybody|everyone|everything|everywhere|except|far|few|fewer|for|former|formerly|from|further|furthermore|had|has|have|having|he|hence|her|here|hereby|herein|hers|herself|him|himself|his|how|however|i|if|in|indeed|instead|into|is|it|its|itself|just|last|later|latter|least|less|let|like|likely|many|may|maybe|me|meanwhile|might|mine|more|moreover|most|mostly|much|must|my|myself|namely|neither|never|nevertheless|next|no|nobody|none|nonetheless|noone|nor|not|nothing|now|nowhere|of|off|often|on|once|one|only|onto|or|other|others|otherwise|our|ours|ourselves|out|over|own|per|perhaps|please|quite|rather|really|same|several|shall|she|should|since|so|some|somebody|somehow|someone|something|sometime|sometimes|somewhere|still|such|than|that|the|their|theirs|them|themselves|then|thence|there|thereafter|thereby|therefore|therein|thereupon|these|they|this|those|though|through|throughout|thru|thus|to|together|too|toward|towards|under|unless|until|up|upon|us|very|via|was|we|well|were|what|whatever|when|whenever|where|whereas|wherever|whether|which|while|whilst|who|whoever|whole|whom|whose|why|will|with|within|without|would|yet|you|your|yours|yourself|yourselves|s|t|'s|n't|'re|'ve|'ll|'d|'m|yes|oh|ok|okay|mr|mrs|ms|dr|via|amid|amidst|despite|unlike|versus|vs|whereby|wherein|whose|said|says|say|told|added|according";

/// Frequent English words that are capitalised at a sentence start but are not
/// names there: adverbs, adjectives, determiners, discourse markers and common
/// nouns and verbs of news prose.
const COMMON: &str = "able|absolutely|accordingly|actually|additionally|admittedly|again|ahead|alas|all|alongside|also|altogether|anyway|apparently|arguably|as|asked|basically|before|besides|both|briefly|but|certainly|clearly|consequently|conversely|currently|definitely|despite|earlier|early|elsewhere|equally|essentially|even|eventually|evidently|exactly|excuse|fewer|finally|first|firstly|following|fortunately|frankly|further|furthermore|generally|given|hence|here|hopefully|however|ideally|if|importantly|in|including|increasingly|indeed|initially|instead|interestingly|ironically|last|lastly|late|lately|later|latest|like|likewise|luckily|many|meanwhile|more|moreover|most|much|naturally|nearly|neither|nevertheless|next|no|nobody|nonetheless|normally|not|notably|now|nowadays|obviously|officially|often|once|only|originally|otherwise|overall|particularly|perhaps|personally|plus|possibly|presumably|previously|probably|rather|recently|regardless|reportedly|second|secondly|separately|seriously|similarly|since|so|some|sometimes|soon|specifically|still|subsequently|such|suddenly|surely|surprisingly|then|there|thereafter|therefore|third|thirdly|though|thus|today|tomorrow|tonight|too|traditionally|truly|typically|ultimately|unfortunately|unlike|until|usually|when|whereas|while|yesterday|yet|according|after|although|amid|because|before|during|except|following|given|unless|upon|whether|within|without|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|dozens|half|several|few|other|another|each|every|any|all|both|either|such|same|new|old|big|small|large|great|good|bad|high|low|long|short|major|minor|main|key|top|full|whole|total|local|national|international|global|regional|federal|central|public|private|official|political|military|economic|social|foreign|domestic|civil|human|senior|former|current|recent|previous|future|final|further|certain|different|similar|particular|special|general|common|real|true|false|clear|open|close|free|hard|easy|strong|weak|young|little|own|other|several|various|numerous|entire|single|double|huge|massive|vast|tiny|serious|severe|heavy|light|dark|black|white|red|green|blue|yellow|north|south|east|west|northern|southern|eastern|western|northeast|northwest|southeast|southwest|northeastern|northwestern|southeastern|southwestern|upper|lower|inner|outer|middle|left|right|front|back|side|top|bottom|here|there|where|what|who|which|how|why|this|that|these|those|it|its|he|she|we|they|you|i|his|her|their|our|my|your|them|us|him|me|a|an|the|and|or|nor|for|of|to|from|by|with|on|at|into|over|under|about|against|between|through|across|around|behind|beyond|near|off|out|up|down|along|among|above|below|beside|toward|towards|let|please|yes|well|oh|thanks|thank|sorry|hello|dear|welcome|people|government|officials|official|police|troops|forces|soldiers|army|rebels|fighters|militants|residents|civilians|activists|analysts|experts|critics|witnesses|sources|reports|report|news|data|figures|statistics|talks|negotiations|meeting|meetings|summit|deal|agreement|ceasefire|truce|war|conflict|fighting|violence|attack|attacks|crisis|situation|problem|issue|issues|question|questions|answer|plan|plans|policy|law|laws|court|trial|case|vote|votes|election|elections|campaign|party|parties|leader|leaders|president|minister|ministers|state|states|country|countries|city|cities|town|village|region|area|areas|border|capital|world|nation|nations|market|markets|prices|price|shares|stocks|trade|economy|company|companies|firm|bank|banks|business|industry|workers|jobs|money|cash|tax|taxes|budget|costs|growth|health|hospital|doctors|patients|school|schools|students|children|women|men|families|family|friends|life|lives|death|deaths|home|homes|house|water|food|oil|gas|power|energy|weather|rain|fire|floods|earthquake|storm|time|times|year|years|month|months|week|weeks|day|days|hours|minutes|morning|afternoon|evening|night|weekend|season|today|part|parts|number|numbers|percent|rate|rates|level|levels|point|points|end|start|beginning|rest|kind|type|way|ways|thing|things|fact|idea|case|example|reason|result|results|effect|change|changes|support|opposition|pressure|control|security|safety|peace|freedom|rights|justice|history|future|past|present|team|teams|game|games|match|season|club|players|player|coach|fans|win|wins|victory|defeat|goal|goals|score|round|final|semi|quarter|cup|league|title|race|championship|previous|opposition|some|according|asked|speaking|writing|reporting|meanwhile|separately|elsewhere|moreover|however|nonetheless|nevertheless|instead|still|yet|thus|therefore|hence|accordingly|consequently|presidents|ministers|leaders|officials|two|both|several|residents|local|state|federal|national|breaking|update|updated|editor|editors|note|photo|video|watch|read|listen|click|share|subscribe|follow|related|source|sources|image|images|copyright|all|rights|reserved|advertisement|sponsored|continue|reading|more|less|most|least|best|worst|better|worse|first|second|third|fourth|fifth|last|next|final|early|late|earlier|later|today|yesterday|tomorrow|now|then|soon|again|already|always|never|ever|often|sometimes|usually|still|just|even|also|only|almost|nearly|about|around|approximately|roughly|some|over|under|more|less|no|not|none|nothing|nobody|everyone|everything|someone|something|anyone|anything|i|am|is|are|was|were|be|been|being|have|has|had|do|does|did|will|would|shall|should|can|could|may|might|must|get|got|make|made|take|took|go|went|come|came|see|saw|know|knew|think|thought|say|said|tell|told|give|gave|find|found|use|used|work|call|called|try|tried|need|feel|become|leave|put|mean|keep|begin|seem|help|show|hear|play|run|move|live|believe|bring|happen|write|sit|stand|lose|pay|meet|include|continue|set|learn|lead|understand|watch|follow|stop|create|speak|read|allow|add|spend|grow|offer|remember|love|consider|appear|buy|wait|serve|die|send|expect|build|stay|fall|cut|reach|kill|remain|suggest|raise|pass|sell|require|decide|return|explain|hope|develop|carry|break|receive|agree|hit|produce|eat|cover|catch|draw|choose|cause|point|listen|realise|realize|place|close|involve|increase|prove|announce|warn|claim|deny|accuse|urge|vow|insist|confirm|report|reject|welcome|condemn|demand|launch|open|join|face|fight|protect|prevent|seek|win|lose|hold|held|ended|started|began|broke|reached|signed|agreed|announced|warned|claimed|denied|accused|urged|vowed|insisted|confirmed|reported|rejected|welcomed|condemned|demanded|launched|opened|joined|faced|fought|protected|prevented|sought|won|lost|fled|killed|wounded|injured|arrested|detained|released|freed|captured|seized|destroyed|damaged|hit|struck|bombed|shelled|attacked|targeted|fired|shot|stabbed|murdered|died|dead|missing|displaced|evacuated|rescued|trapped|stranded|hungry|sick|ill|poor|rich|wealthy|famous|popular|important|possible|impossible|necessary|available|likely|unlikely|able|unable|ready|sure|aware|afraid|happy|sad|angry|worried|concerned|interested|responsible|known|unknown|based|led|backed|owned|run|funded|sponsored|supported|opposed|affected|involved|related|linked|connected|associated|called|named|described|considered|expected|believed|thought|said|reported|estimated|seen|shown|given|taken|made|done|used|found|left|put|set|kept|brought|sent|built|paid|bought|sold|told|asked|added|noted|explained|stressed|stated|argued|suggested|admitted|acknowledged|revealed|disclosed|indicated|pointed|recalled|replied|responded|answered|commented|remarked|observed|declared|proclaimed|predicted|promised|threatened|pledged|welcomed|praised|criticised|criticized|blamed|thanked|congratulated|meanwhile|opposition|fighting|ceasefire|until|nearly|despite|even|since|earlier|more|presidents";

/// Month names (never entities on their own).
const MONTHS: &str = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";

/// Day names and other calendar words (never entities on their own).
const DAYS: &str = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|today|tomorrow|yesterday|tonight|weekend|christmas eve|new year's eve|gmt|utc|cet|cest|bst|edt|est|pst|pdt|a.m.|p.m.|am|pm";

/// Countries and territories, with common short and alternative forms.
const COUNTRIES: &str = "afghanistan|albania|algeria|andorra|angola|antigua|antigua and barbuda|argentina|armenia|australia|austria|azerbaijan|bahamas|the bahamas|bahrain|bangladesh|barbados|belarus|belgium|belize|benin|bhutan|bolivia|bosnia|bosnia and herzegovina|bosnia-herzegovina|herzegovina|botswana|brazil|brunei|bulgaria|burkina faso|burma|burundi|cambodia|cameroon|canada|cape verde|cabo verde|central african republic|chad|chile|china|colombia|comoros|congo|democratic republic of congo|democratic republic of the congo|dr congo|drc|costa rica|ivory coast|cote d'ivoire|croatia|cuba|cyprus|czech republic|czechia|denmark|djibouti|dominica|dominican republic|east timor|timor-leste|ecuador|egypt|el salvador|equatorial guinea|eritrea|estonia|eswatini|swaziland|ethiopia|fiji|finland|france|gabon|gambia|the gambia|georgia|germany|ghana|greece|grenada|guatemala|guinea|guinea-bissau|guyana|haiti|honduras|hungary|iceland|india|indonesia|iran|iraq|ireland|republic of ireland|israel|italy|jamaica|japan|jordan|kazakhstan|kenya|kiribati|kosovo|kuwait|kyrgyzstan|laos|latvia|lebanon|lesotho|liberia|libya|liechtenstein|lithuania|luxembourg|madagascar|malawi|malaysia|maldives|mali|malta|marshall islands|mauritania|mauritius|mexico|micronesia|moldova|monaco|mongolia|montenegro|morocco|mozambique|myanmar|namibia|nauru|nepal|netherlands|the netherlands|holland|new zealand|nicaragua|niger|nigeria|north korea|north macedonia|macedonia|norway|oman|pakistan|palau|palestine|panama|papua new guinea|paraguay|peru|philippines|the philippines|poland|portugal|qatar|romania|russia|russian federation|rwanda|saint kitts and nevis|saint lucia|saint vincent|samoa|san marino|sao tome|saudi arabia|senegal|serbia|seychelles|sierra leone|singapore|slovakia|slovenia|solomon islands|somalia|somaliland|south africa|south korea|korea|south sudan|spain|sri lanka|sudan|suriname|sweden|switzerland|syria|taiwan|tajikistan|tanzania|thailand|togo|tonga|trinidad|trinidad and tobago|tunisia|turkey|turkiye|türkiye|turkmenistan|tuvalu|uganda|ukraine|united arab emirates|uae|united kingdom|uk|u.k.|britain|great britain|united states|united states of america|usa|u.s.|u.s.a.|us|america|uruguay|uzbekistan|vanuatu|vatican|vatican city|holy see|venezuela|vietnam|viet nam|yemen|zambia|zimbabwe|england|scotland|wales|northern ireland|greenland|puerto rico|hong kong|macau|macao|gibraltar|bermuda|faroe islands|new caledonia|tibet|western sahara|gaza|gaza strip|west bank|crimea|chechnya|kurdistan|abkhazia|south ossetia|transnistria|nagorno-karabakh|karabakh|kashmir|yugoslavia|soviet union|ussr|czechoslovakia|zaire|east germany|west germany|rhodesia|ceylon|siam|persia";

/// Continents, world regions, seas, US states and other regions.
const REGIONS: &str = "europe|asia|africa|north america|south america|latin america|central america|antarctica|oceania|australasia|eurasia|middle east|the middle east|near east|far east|east asia|southeast asia|south asia|central asia|north africa|west africa|east africa|southern africa|sub-saharan africa|horn of africa|sahel|sahara|maghreb|levant|gulf|persian gulf|arabian peninsula|balkans|the balkans|caucasus|the caucasus|scandinavia|baltics|the baltics|mediterranean|the mediterranean|caribbean|the caribbean|pacific|atlantic|indian ocean|arctic|siberia|the west|western europe|eastern europe|central europe|northern europe|southern europe|anatolia|mesopotamia|sinai|golan|golan heights|negev|galilee|judea|samaria|punjab|bengal|kashmir|xinjiang|tibet|inner mongolia|manchuria|patagonia|amazon|andes|himalayas|alps|pyrenees|urals|rhine|danube|nile|euphrates|tigris|thames|seine|volga|mississippi|yangtze|ganges|indus|jordan river|red sea|black sea|caspian|caspian sea|aegean|aegean sea|baltic|baltic sea|north sea|south china sea|east china sea|sea of japan|adriatic|english channel|strait of hormuz|bosphorus|suez|suez canal|panama canal|donbas|donbass|donetsk|luhansk|lugansk|kurdistan|rojava|darfur|kordofan|ogaden|tigray|cabinda|aceh|papua|mindanao|borneo|sumatra|java|bali|sicily|sardinia|corsica|crete|cyprus|tasmania|hawaii|alaska|alabama|arizona|arkansas|california|colorado|connecticut|delaware|florida|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|west virginia|wisconsin|wyoming|ontario|quebec|british columbia|alberta|manitoba|saskatchewan|nova scotia|new brunswick|newfoundland|yukon|bavaria|saxony|catalonia|andalusia|basque country|galicia|flanders|wallonia|lombardy|tuscany|normandy|brittany|provence|alsace|yorkshire|lancashire|kent|surrey|essex|sussex|cornwall|devon|ulster|queensland|victoria|new south wales|tasmania|aleppo|latakia|hasakah|raqqa|deir ez-zor|deir al-zor|daraa|quneitra|homs|hama|tartus|gaziantep|sanliurfa|anbar|nineveh|kirkuk|basra|helmand|kandahar|kunduz|waziristan|balochistan|sindh|khyber pakhtunkhwa|gujarat|maharashtra|kerala|tamil nadu|uttar pradesh|bihar|rajasthan|assam|sichuan|guangdong|hubei|wuhan|yunnan|fujian|zhejiang|jiangsu|shandong|hebei|henan|hunan|chechnya|dagestan|tatarstan|kaliningrad|kuril islands|okinawa|hokkaido|kyushu|jeju|transvaal|natal|kwazulu-natal|gauteng|katanga|kivu|north kivu|south kivu|ituri|benghazi|tripolitania|cyrenaica|fezzan|hadramout|hodeidah|marib|sinjar|nineveh plains";

/// Capitals and major cities worldwide.
const CITIES: &str = "kabul|tirana|algiers|luanda|buenos aires|yerevan|canberra|sydney|melbourne|brisbane|perth|adelaide|vienna|baku|manama|dhaka|minsk|brussels|antwerp|porto-novo|cotonou|thimphu|la paz|sucre|sarajevo|gaborone|brasilia|rio de janeiro|rio|sao paulo|são paulo|salvador|belo horizonte|sofia|ouagadougou|naypyidaw|yangon|rangoon|bujumbura|phnom penh|yaounde|douala|ottawa|toronto|montreal|vancouver|calgary|bangui|n'djamena|santiago|beijing|peking|shanghai|guangzhou|shenzhen|chongqing|tianjin|nanjing|hangzhou|chengdu|xian|xi'an|harbin|bogota|bogotá|medellin|cali|kinshasa|brazzaville|san jose|abidjan|yamoussoukro|zagreb|havana|nicosia|prague|copenhagen|quito|guayaquil|cairo|alexandria|giza|san salvador|asmara|tallinn|addis ababa|suva|helsinki|paris|marseille|lyon|toulouse|nice|bordeaux|strasbourg|lille|libreville|banjul|tbilisi|berlin|hamburg|munich|frankfurt|cologne|stuttgart|dusseldorf|düsseldorf|leipzig|dresden|bonn|hanover|accra|athens|thessaloniki|guatemala city|conakry|bissau|georgetown|port-au-prince|tegucigalpa|budapest|reykjavik|new delhi|delhi|mumbai|bombay|kolkata|calcutta|chennai|madras|bangalore|bengaluru|hyderabad|ahmedabad|pune|jakarta|surabaya|bandung|tehran|mashhad|isfahan|tabriz|shiraz|qom|baghdad|mosul|erbil|najaf|karbala|fallujah|ramadi|tikrit|dublin|cork|belfast|jerusalem|tel aviv|haifa|gaza city|ramallah|hebron|nablus|jenin|bethlehem|rafah|khan younis|rome|milan|naples|turin|florence|venice|genoa|bologna|palermo|kingston|tokyo|osaka|kyoto|yokohama|nagoya|kobe|hiroshima|nagasaki|fukushima|amman|zarqa|astana|nur-sultan|almaty|nairobi|mombasa|pristina|kuwait city|bishkek|vientiane|riga|beirut|tripoli|sidon|tyre|maseru|monrovia|benghazi|misrata|sirte|vilnius|luxembourg city|antananarivo|lilongwe|kuala lumpur|male|bamako|valletta|nouakchott|port louis|mexico city|guadalajara|monterrey|tijuana|chisinau|ulaanbaatar|ulan bator|podgorica|rabat|casablanca|marrakesh|marrakech|tangier|fez|maputo|windhoek|kathmandu|amsterdam|rotterdam|the hague|utrecht|wellington|auckland|christchurch|managua|niamey|abuja|lagos|kano|pyongyang|skopje|oslo|bergen|muscat|islamabad|karachi|lahore|peshawar|quetta|rawalpindi|panama city|port moresby|asuncion|asunción|lima|manila|quezon city|cebu|davao|warsaw|krakow|kraków|gdansk|lisbon|porto|doha|bucharest|moscow|st petersburg|st. petersburg|saint petersburg|novosibirsk|yekaterinburg|kazan|sochi|volgograd|stalingrad|vladivostok|murmansk|grozny|rostov|rostov-on-don|kigali|riyadh|jeddah|mecca|medina|dammam|dakar|belgrade|freetown|bratislava|ljubljana|mogadishu|hargeisa|kismayo|pretoria|johannesburg|cape town|durban|soweto|seoul|busan|juba|madrid|barcelona|valencia|seville|bilbao|colombo|khartoum|omdurman|paramaribo|stockholm|gothenburg|bern|zurich|zürich|geneva|basel|lausanne|davos|damascus|taipei|dushanbe|dodoma|dar es salaam|bangkok|lome|lomé|tunis|ankara|istanbul|izmir|adana|bursa|antalya|diyarbakir|konya|mersin|ashgabat|kampala|kiev|kyiv|kharkiv|kharkov|odessa|odesa|lviv|dnipro|mariupol|abu dhabi|dubai|sharjah|london|manchester|birmingham|liverpool|leeds|glasgow|edinburgh|cardiff|bristol|oxford|cambridge|newcastle|sheffield|nottingham|washington|new york|new york city|los angeles|chicago|houston|phoenix|philadelphia|san antonio|san diego|dallas|san francisco|boston|seattle|denver|atlanta|miami|detroit|las vegas|baltimore|new orleans|pittsburgh|cleveland|st louis|st. louis|minneapolis|portland|honolulu|montevideo|tashkent|samarkand|caracas|maracaibo|hanoi|ho chi minh city|saigon|sanaa|sana'a|aden|taiz|lusaka|harare|bulawayo|hong kong|macau|singapore|tianjin|lhasa|urumqi|kandahar|herat|mazar-i-sharif|jalalabad|chittagong|kathmandu|colombo|yangon|mandalay|geneva|strasbourg|the vatican|monaco|gibraltar|kaliningrad|sevastopol|simferopol|donetsk|luhansk|tskhinvali|sukhumi|stepanakert|aleppo|homs|hama|latakia|tartus|deir ez-zor|raqqa|daraa|qamishli|kobani|afrin|manbij|palmyra|gaziantep|sanliurfa|mardin|hakkari|sirnak|van|erzurum|trabzon|samsun|eskisehir|kayseri|malatya";

/// Nationalities, peoples, languages and religions; MISC unless part of a longer name.
const DEMONYMS: &str = "moslem|moslems|zairean|afghan|albanian|algerian|american|andorran|angolan|argentine|argentinian|armenian|australian|austrian|azerbaijani|azeri|bahraini|bangladeshi|barbadian|belarusian|belgian|belizean|beninese|bhutanese|bolivian|bosnian|botswanan|brazilian|british|bruneian|bulgarian|burkinabe|burmese|burundian|cambodian|cameroonian|canadian|chadian|chilean|chinese|colombian|congolese|costa rican|croatian|cuban|cypriot|czech|danish|dane|djiboutian|dominican|dutch|ecuadorian|egyptian|emirati|english|eritrean|estonian|ethiopian|fijian|filipino|finnish|french|gabonese|gambian|georgian|german|ghanaian|greek|guatemalan|guinean|guyanese|haitian|honduran|hungarian|icelandic|indian|indonesian|iranian|iraqi|irish|israeli|italian|ivorian|jamaican|japanese|jordanian|kazakh|kazakhstani|kenyan|korean|kosovar|kuwaiti|kyrgyz|lao|laotian|latvian|lebanese|liberian|libyan|lithuanian|luxembourgish|macedonian|malagasy|malawian|malaysian|maldivian|malian|maltese|mauritanian|mauritian|mexican|moldovan|monegasque|mongolian|montenegrin|moroccan|mozambican|namibian|nepalese|nepali|new zealander|nicaraguan|nigerien|nigerian|north korean|norwegian|omani|pakistani|palestinian|panamanian|paraguayan|peruvian|polish|portuguese|qatari|romanian|russian|rwandan|salvadoran|saudi|scottish|scot|senegalese|serbian|serb|sierra leonean|singaporean|slovak|slovenian|somali|south african|south korean|south sudanese|spanish|sri lankan|sudanese|surinamese|swedish|swiss|syrian|taiwanese|tajik|tanzanian|thai|togolese|tongan|trinidadian|tunisian|turkish|turkmen|ugandan|ukrainian|uruguayan|uzbek|venezuelan|vietnamese|welsh|yemeni|zambian|zimbabwean|arab|arabic|persian|kurdish|kurd|turk|turkic|pashtun|baloch|tamil|sinhalese|uighur|uyghur|tibetan|berber|amazigh|bedouin|druze|alawite|sunni|shia|shiite|shi'ite|sufi|muslim|islamic|islamist|jewish|jew|christian|catholic|protestant|orthodox|evangelical|anglican|hindu|sikh|buddhist|yazidi|assyrian|chaldean|coptic|copt|maronite|zionist|european|asian|african|latin american|south american|north american|middle eastern|western|eastern|soviet|yugoslav|ottoman|byzantine|roman|latin|hispanic|latino|caucasian|balkan|scandinavian|nordic|baltic|slavic|anglo|anglo-saxon|gaelic|hebrew|hindi|urdu|bengali|punjabi|mandarin|cantonese|swahili|hausa|yoruba|igbo|zulu|xhosa|afrikaans|afrikaner|catalan|basque|galician|flemish|walloon|breton|corsican|sicilian|bavarian|cossack|chechen|dagestani|tatar|circassian|abkhaz|ossetian|crimean|rohingya|hazara|tajik|uzbek|kazakh|sahrawi|tuareg|fulani|somali|oromo|amhara|tigrayan|maasai|kikuyu|luo|hutu|tutsi|maori|aboriginal|inuit|cherokee|navajo|sioux|iberian|gallic|teutonic|celtic|nordic|olympic|olympics|paralympics|world cup|grand prix|ramadan|eid|christmas|easter|hanukkah|diwali|nowruz|thanksgiving|halloween|brexit|holocaust|cold war|world war|world war i|world war ii|arab spring|internet|bible|koran|quran|torah|euro|sharia|jihad|marxist|leninist|communist|socialist|fascist|nazi|nazis|bolshevik|republican|democrat|democratic|conservative|liberal|labour|tory|tories|gaullist|peronist|chavista|baathist|ba'athist|salafist|salafi|wahhabi|jihadist|sunnis|shias|shiites|alawites|kurds|turks|arabs|jews|christians|muslims|catholics|protestants|hindus|sikhs|buddhists|yazidis|druze|israelis|palestinians|syrians|russians|americans|europeans|africans|asians|iranians|iraqis|afghans|pakistanis|indians|chinese|japanese|koreans|germans|britons|brits|french|italians|spaniards|greeks|ukrainians|poles|saudis|egyptians|libyans|lebanese|jordanians|yemenis|somalis|sudanese|ethiopians|eritreans|nigerians|kenyans|mexicans|brazilians|argentines|canadians|australians|serbs|croats|bosniaks|bosnians|albanians|chechens|tatars|uighurs|uyghurs|tibetans|rohingyas|tamils|pashtuns|tajiks|uzbeks|kazakhs|mongols|vietnamese|thais|filipinos|indonesians|malaysians|swedes|danes|norwegians|finns|dutch|belgians|swiss|austrians|hungarians|czechs|slovaks|romanians|bulgarians|georgians|armenians|azerbaijanis|azeris|turkmens|kyrgyz|cypriots|maltese|portuguese|irish|scots|welsh|english|kosovars|macedonians|montenegrins|slovenians|slovenes|latvians|lithuanians|estonians|belarusians|moldovans|qataris|emiratis|kuwaitis|bahrainis|omanis|algerians|moroccans|tunisians|mauritanians|malians|nigeriens|chadians|cameroonians|congolese|angolans|zambians|zimbabweans|ugandans|rwandans|burundians|tanzanians|mozambicans|ghanaians|senegalese|ivorians|liberians|colombians|venezuelans|peruvians|chileans|bolivians|ecuadorians|cubans|haitians|jamaicans|nicaraguans|hondurans|guatemalans|salvadorans|panamanians|uruguayans|paraguayans|bangladeshis|nepalis|sri lankans|burmese|cambodians|laotians|singaporeans|taiwanese|new zealanders|westerners|easterners|asiatic|gulf arab|sino|indo|afro|euro-atlantic|transatlantic|trans-atlantic|pan-arab|pan-african";

/// Organisations known by name: international bodies, media, agencies, groups, companies.
const ORGS: &str = "united nations|un|u.n.|un security council|security council|general assembly|unicef|unesco|unhcr|unrwa|who|world health organization|world health organisation|wto|world trade organization|imf|international monetary fund|world bank|nato|n.a.t.o.|european union|eu|e.u.|european commission|european parliament|european central bank|ecb|council of europe|osce|opec|opec+|african union|au|arab league|league of arab states|asean|gcc|gulf cooperation council|oic|organisation of islamic cooperation|brics|g7|g8|g20|g-7|g-20|commonwealth|interpol|europol|icc|international criminal court|icj|international court of justice|iaea|international atomic energy agency|opcw|red cross|red crescent|icrc|international committee of the red cross|amnesty|amnesty international|human rights watch|hrw|medecins sans frontieres|médecins sans frontières|msf|doctors without borders|oxfam|save the children|greenpeace|wwf|world food programme|wfp|fao|ilo|unesco|undp|unep|ocha|syrian observatory for human rights|sohr|syrian civil defence|reuters|associated press|ap|afp|agence france-presse|agence france presse|bloomberg|dpa|ansa|efe|xinhua|tass|ria novosti|ria|interfax|sputnik|rt|russia today|anadolu|anadolu agency|anadolu news agency|aa|trt|trt world|sana|irna|fars|tasnim|press tv|al jazeera|aljazeera|al arabiya|al-arabiya|al-jazeera|bbc|bbc news|cnn|fox news|fox|msnbc|cnbc|nbc|abc|cbs|npr|pbs|sky news|itv|channel 4|france 24|euronews|deutsche welle|dw|voice of america|voa|radio free europe|rfe/rl|kyodo|yonhap|nhk|cgtn|cctv|ndtv|the new york times|new york times|nyt|the washington post|washington post|the wall street journal|wall street journal|wsj|the guardian|guardian|the times|the independent|the telegraph|daily telegraph|financial times|ft|the economist|economist|the observer|daily mail|the sun|daily mirror|usa today|los angeles times|la times|chicago tribune|boston globe|politico|axios|the hill|time|newsweek|le monde|le figaro|liberation|der spiegel|spiegel|die zeit|frankfurter allgemeine|faz|bild|el pais|el país|el mundo|la repubblica|corriere della sera|haaretz|jerusalem post|times of israel|ynet|hurriyet|hürriyet|sabah|daily sabah|zaman|cumhuriyet|milliyet|kommersant|izvestia|pravda|vedomosti|novaya gazeta|al-ahram|ahram|asharq al-awsat|the national|gulf news|dawn|times of india|hindustan times|the hindu|south china morning post|scmp|global times|people's daily|china daily|japan times|asahi|yomiuri|mainichi|nikkei|korea herald|straits times|sydney morning herald|abc news|cbc|ctv|globe and mail|kremlin|the kremlin|white house|the white house|pentagon|the pentagon|state department|downing street|elysee|élysée|elysee palace|quai d'orsay|bundestag|bundesrat|duma|state duma|knesset|majlis|congress|senate|house of representatives|house of commons|house of lords|parliament|european council|supreme court|cia|fbi|nsa|dea|atf|dhs|nasa|noaa|fda|cdc|epa|irs|sec|fed|federal reserve|mi5|mi6|gchq|scotland yard|mossad|shin bet|fsb|kgb|gru|svr|mit|isi|savak|irgc|revolutionary guard|revolutionary guards|islamic revolutionary guard corps|quds force|hezbollah|hizbollah|hizballah|hamas|islamic jihad|fatah|plo|palestinian authority|pa|isis|isil|islamic state|is|daesh|al-qaeda|al qaeda|al-qaida|al qaida|aqap|aqim|taliban|the taliban|al-shabab|al-shabaab|al shabaab|boko haram|hts|hayat tahrir al-sham|tahrir al-sham|nusra|al-nusra|al-nusra front|nusra front|jabhat al-nusra|free syrian army|fsa|syrian national army|sna|syrian democratic forces|sdf|ypg|ypj|pkk|pyd|kdp|puk|peshmerga|houthis|houthi|ansar allah|hashd al-shaabi|popular mobilization forces|pmf|wagner|wagner group|muslim brotherhood|ira|eta|farc|eln|hdp|akp|ak party|chp|mhp|iyi party|united russia|cdu|csu|spd|fdp|afd|die linke|labour|labour party|conservative party|conservatives|tories|liberal democrats|lib dems|snp|sinn fein|sinn féin|dup|ukip|reform uk|democratic party|democrats|republican party|republicans|gop|anc|zanu-pf|bjp|congress party|ldp|kmt|ccp|communist party|national front|rassemblement national|la republique en marche|en marche|podemos|vox|psoe|pp|five star movement|m5s|lega|likud|yesh atid|fidesz|pis|syriza|nd|new democracy|ennahda|baath|ba'ath|baath party|apple|google|alphabet|microsoft|amazon|facebook|meta|twitter|x corp|tesla|spacex|ibm|intel|amd|nvidia|oracle|cisco|samsung|sony|toyota|honda|nissan|volkswagen|vw|bmw|daimler|mercedes|mercedes-benz|ford|general motors|gm|chrysler|fiat|renault|peugeot|boeing|airbus|lockheed martin|raytheon|northrop grumman|general electric|ge|siemens|bosch|bayer|basf|shell|royal dutch shell|bp|exxon|exxonmobil|exxon mobil|chevron|total|totalenergies|gazprom|rosneft|lukoil|aramco|saudi aramco|petrobras|pemex|sinopec|petrochina|cnpc|huawei|zte|alibaba|tencent|baidu|bytedance|tiktok|netflix|disney|walmart|coca-cola|pepsi|pepsico|nestle|nestlé|unilever|procter & gamble|johnson & johnson|pfizer|moderna|astrazeneca|novartis|roche|sanofi|glaxosmithkline|gsk|merck|goldman sachs|jpmorgan|jp morgan|morgan stanley|citigroup|citi|bank of america|wells fargo|hsbc|barclays|lloyds|deutsche bank|ubs|credit suisse|bnp paribas|societe generale|santander|blackrock|berkshire hathaway|visa|mastercard|paypal|uber|airbnb|turkish airlines|aeroflot|lufthansa|british airways|air france|emirates|qatar airways|etihad|fifa|uefa|ioc|international olympic committee|nba|nfl|mlb|nhl|premier league|bundesliga|la liga|serie a|harvard|harvard university|yale|stanford|mit|oxford university|cambridge university|brookings|brookings institution|rand|rand corporation|chatham house|carnegie|carnegie endowment|council on foreign relations|crisis group|international crisis group|sipri|iiss|atlantic council|heritage foundation|cato institute|valdai|valdai club";

/// Well-known people, by full name or the surname the press uses alone.
const PEOPLE: &str = "putin|vladimir putin|erdogan|erdoğan|recep tayyip erdogan|assad|al-assad|bashar al-assad|trump|donald trump|biden|joe biden|obama|barack obama|clinton|hillary clinton|bill clinton|bush|george w. bush|merkel|angela merkel|scholz|olaf scholz|macron|emmanuel macron|johnson|boris johnson|sunak|rishi sunak|starmer|keir starmer|truss|liz truss|theresa may|cameron|david cameron|blair|tony blair|gordon brown|thatcher|margaret thatcher|xi|xi jinping|jinping|modi|narendra modi|netanyahu|benjamin netanyahu|khamenei|ali khamenei|rouhani|hassan rouhani|raisi|ebrahim raisi|zarif|lavrov|sergey lavrov|sergei lavrov|shoigu|sergei shoigu|medvedev|dmitry medvedev|peskov|dmitry peskov|zelensky|zelenskyy|volodymyr zelensky|poroshenko|lukashenko|alexander lukashenko|aliyev|ilham aliyev|pashinyan|mbs|mohammed bin salman|bin salman|kim jong un|kim jong-un|moon jae-in|abe|shinzo abe|kishida|trudeau|justin trudeau|bolsonaro|jair bolsonaro|lula|maduro|nicolas maduro|chavez|hugo chavez|castro|fidel castro|sisi|abdel fattah el-sisi|el-sisi|mubarak|morsi|gaddafi|qaddafi|haftar|khalifa haftar|saddam|saddam hussein|bin laden|osama bin laden|baghdadi|al-baghdadi|nasrallah|hassan nasrallah|haniyeh|abbas|mahmoud abbas|arafat|yasser arafat|guterres|antonio guterres|ban ki-moon|annan|kofi annan|stoltenberg|jens stoltenberg|von der leyen|ursula von der leyen|juncker|tusk|donald tusk|orban|viktor orban|pope francis|benedict|mandela|nelson mandela|gandhi|churchill|stalin|lenin|hitler|mao|pompeo|mike pompeo|blinken|antony blinken|kerry|john kerry|tillerson|lloyd austin|esper|mattis|jeffrey|james jeffrey|pence|mike pence|harris|kamala harris|pelosi|nancy pelosi|mcconnell|schumer|sanders|bernie sanders|musk|elon musk|bill gates|bezos|zuckerberg|cavusoglu|çavuşoğlu|mevlut cavusoglu|kalin|ibrahim kalin|fidan|hakan fidan|davutoglu|gul|abdullah gul|ozal|ataturk|atatürk|kilicdaroglu|imamoglu|gulen|fethullah gulen|ocalan|abdullah ocalan|jolani|al-jolani|abu mohammad al-jolani|maliki|sadr|muqtada al-sadr|sistani|soleimani|qassem soleimani|kadyrov|ramzan kadyrov|navalny|alexei navalny|gorbachev|yeltsin|khrushchev|brezhnev|nixon|reagan|kennedy|carter|roosevelt|lincoln|de gaulle|mitterrand|chirac|sarkozy|hollande|kohl|schroeder|schröder|berlusconi|meloni|giorgia meloni|draghi|sanchez|pedro sanchez|rutte|mark rutte";

/// Common given names from many languages (PERSON cue for the first token of a span).
const FIRST_NAMES: &str = "aaron|abbas|abdel|abdul|abdullah|abdulaziz|abu|adam|adel|adnan|adrian|ahmad|ahmed|ahmet|aisha|alan|albert|alberto|alejandro|aleksandr|aleksei|alex|alexander|alexandra|alexandre|alexei|alexey|alfred|ali|alice|alicia|alison|amanda|amir|amira|amy|ana|anastasia|anders|andre|andrea|andreas|andrei|andrew|andrey|andy|angela|angelo|anil|ann|anna|anne|antoine|anthony|anton|antonio|anwar|arthur|arun|asad|ashley|ayman|aziz|bakr|barack|barbara|bashar|bashir|ben|benjamin|bernard|bernie|bill|billy|bob|bobby|boris|brad|brandon|brian|bruce|bruno|carl|carlos|carmen|caroline|catherine|cem|charles|charlie|chen|chris|christian|christina|christine|christopher|claire|claude|claudia|colin|craig|cristina|dan|daniel|daniela|danny|dario|david|deborah|deniz|dennis|diana|diego|dimitri|dmitri|dmitry|dominic|donald|douglas|ed|eduardo|edward|elena|elif|elizabeth|ella|emily|emine|emma|emmanuel|enrique|eric|erik|ernst|eva|evgeny|fabio|farah|farid|fatima|fatma|felipe|felix|fernando|francesco|francisco|francois|françois|frank|franz|fred|frederick|gabriel|gary|george|georg|georgi|gerard|gerhard|giorgio|giovanni|giuseppe|gordon|grace|greg|gregory|guillaume|gustavo|hakan|hamid|hamza|hannah|hans|harry|hasan|hashem|hassan|heinz|helen|helmut|henri|henry|hicham|hillary|hiroshi|hossein|howard|hugo|hussein|ibrahim|igor|ilham|ilya|imran|irina|isaac|ismail|ivan|jack|jacob|jacques|james|jamal|jan|jane|janet|jason|javier|jean|jeff|jeffrey|jennifer|jens|jeremy|jerry|jessica|jim|jimmy|joan|joe|johann|johannes|john|jonathan|jorge|jose|josé|joseph|joshua|juan|judith|julia|julian|julie|jurgen|jürgen|justin|kamal|kamala|karen|karim|karl|kate|katherine|kathleen|keith|kemal|ken|kenneth|kevin|khaled|khalid|khalil|kim|klaus|kurt|lars|laura|laurent|lee|leila|leo|leonid|linda|lisa|liz|louis|luc|luca|lucas|luis|luiz|maria|marie|marco|marcus|margaret|maria|mario|mark|martin|mary|maryam|matthew|max|maxim|mehmet|melissa|mevlut|michael|michel|michelle|miguel|mike|mikhail|mohamed|mohammad|mohammed|mona|muhammad|murat|mustafa|nabil|nadia|nancy|naser|nasser|natalia|natalya|nathan|nicholas|nick|nicola|nicolas|nikolai|nina|noah|nour|nur|olaf|oleg|olga|oliver|omar|osama|oscar|pablo|pascal|patricia|patrick|paul|paula|pavel|pedro|peter|philip|philippe|pierre|pieter|rachel|rafael|raja|ralph|ramzan|rana|randa|rashid|raul|recep|reza|richard|rick|rita|robert|roberto|roger|roman|ronald|rosa|ruth|ryan|saad|sabine|said|salah|salem|salim|salman|sam|samantha|sami|samir|samuel|sandra|sara|sarah|scott|sean|sebastian|selim|serdar|sergei|sergey|sergio|seyed|shimon|simon|sofia|sophie|stefan|stephen|steve|steven|susan|tamara|tariq|tatiana|tatyana|thomas|tim|timothy|tom|tony|umit|ümit|ursula|valentina|valery|vasily|viktor|victor|vincent|vladimir|volker|walid|walter|wang|wei|william|wolfgang|xavier|yasser|yasmin|yevgeny|yosef|youssef|yuri|yusuf|zaid|zainab|zeynep|zhang|emine|ayse|ayşe|ozlem|özlem|selin|burak|emre|can|cengiz|erdal|ismet|orhan|osman|tayyip|mevlüt|nikita|yulia|svetlana|ekaterina|galina|ludmila|lyudmila|vadim|vitaly|konstantin|arkady|boris|gennady|grigory|stanislav|yaroslav|bogdan|petro|taras|oksana|wojciech|piotr|krzysztof|tomasz|jakub|lukas|milan|miroslav|zoran|dragan|goran|nikola|slobodan|aleksandar|mehdi|javad|mahmoud|mahmud|mohsen|majid|hamed|saeed|masoud|farhad|abdulrahman|abdelaziz|abdelkader|mounir|rachid|youcef|yousef|ayman|bassam|bassel|fadi|firas|ghassan|haitham|hisham|issa|jihad|marwan|nizar|osman|qais|rami|riad|riyad|samer|tarek|wael|ziad|hasan|hüseyin|huseyin|ahmet|ali|veli|kadir|fikret|suleyman|süleyman|yilmaz|bulent|bülent|levent|volkan|tolga|serkan|sinan|baris|barış|raj|rahul|sanjay|sunil|vijay|amit|ashok|deepak|rajesh|ramesh|suresh|priya|sunita|pooja|narendra|manmohan|sonia|indira|nawaz|shehbaz|benazir|asif|pervez|hamid|ashraf|jiang|li|liu|zhou|xu|sun|hu|zhao|huang|yang|shinzo|fumio|yoshihide|junichiro|taro|kenji|takeshi|yuki|hideki|ichiro|jin|min|seo|park|moon|jae|yoon|suk|nguyen|thanh|duc|anh|somchai|joko|susilo|mahathir|najib|anwar|rodrigo|ferdinand|gloria|benigno|jair|luiz|dilma|fernando|mauricio|javier|alberto|cristina|nestor|andres|andrés|manuel|lopez|felipe|evo|rafael|lenin|hugo|nicolas|fidel|raul|ivan|daniel|ortega|jacinda|scott|malcolm|kevin|julia|tony|anthony|justin|stephen|pierre|emmanuel|nicolas|francois|jacques|valerie|marine|jean-luc|jean-marie|jean-claude|jean-pierre|jean-yves|jean-louis|jean-paul|jean-michel|jean-baptiste|marie-claire|anne-marie|hans-dieter|karl-heinz|hans-peter|gerhard|angela|olaf|frank-walter|annalena|christian|markus|horst|sigmar|martin|thorsten|joachim|jose|mariano|pedro|felipe|matteo|giorgia|silvio|romano|mario|giuseppe|sergio|enrico|paolo|alexis|kyriakos|antonis|viktor|andrzej|mateusz|donald|jaroslaw|jarosław|lech|vaclav|václav|milos|miloš|andrej|robert|igor|aleksandar|recep|ekrem|mansur|meral|devlet|kemal|selahattin|ahmet|binali|sirri|ibrahim|omer|ömer|fahrettin|numan|nurettin|abdulhamit|sergey|alexey|anton|julian";

/// Titles and roles that precede a person's name (the head of a title phrase).
const TITLE_HEADS: &str = "president|vice-president|vice president|presidents|prime minister|premier|chancellor|minister|ministers|secretary|secretary-general|secretary general|undersecretary|under-secretary|spokesman|spokeswoman|spokesperson|king|queen|prince|princess|crown prince|emir|amir|sheikh|sheik|sultan|shah|tsar|czar|pope|ayatollah|imam|mullah|rabbi|bishop|archbishop|cardinal|patriarch|reverend|rev.|rev|father|pastor|sister|brother|senator|sen.|sen|congressman|congresswoman|representative|rep.|rep|governor|gov.|gov|mayor|general|gen.|gen|lieutenant|lt.|lt|colonel|col.|col|major|maj.|maj|captain|capt.|capt|sergeant|sgt.|sgt|corporal|cpl.|private|pvt.|admiral|adm.|commander|cmdr.|marshal|field marshal|brigadier|brig.|commissioner|chief|judge|justice|magistrate|prosecutor|attorney general|ambassador|envoy|consul|diplomat|mr|mr.|mrs|mrs.|ms|ms.|miss|messrs|messrs.|dr|dr.|doctor|prof|prof.|professor|sir|dame|lord|lady|baron|baroness|count|countess|duke|duchess|earl|chairman|chairwoman|chair|chairperson|ceo|cfo|coo|director|director-general|director general|head|leader|coach|manager|speaker|deputy|counterpart|mp|lawmaker|legislator|councillor|councilman|councilwoman|superintendent|inspector|detective|officer|constable|sheriff|warden|dean|rector|chancellor|provost|anchor|correspondent|reporter|editor|columnist|analyst|expert|activist|tsar|dictator|strongman|militia leader|commander-in-chief";

/// Words that modify a title (`Foreign Minister`, `Deputy Prime Minister`, `Lt. Gen.`).
const TITLE_MODIFIERS: &str = "foreign|defence|defense|interior|home|finance|economy|economic|trade|commerce|industry|energy|oil|health|education|justice|labour|labor|agriculture|environment|transport|culture|tourism|information|communications|foreign affairs|internal affairs|state|deputy|vice|acting|interim|former|ex|ex-|prime|chief|senior|junior|assistant|associate|executive|managing|general|lieutenant|lt.|lt|major|maj.|brigadier|rear|vice-|first|crown|grand|supreme|high|foreign-affairs|national|security|intelligence|military|army|navy|air|force|police|opposition|party|parliamentary|presidential|royal|government|cabinet|special|un|u.n.|eu|nato|us|u.s.|white|house|press|attorney|solicitor|surgeon|inspector|district|county|city|state|federal|provincial|regional|local|world|team|club|head|national security|homeland|security|emergency|foreign policy|emergencies|refugee|refugees|migration|development|finance|treasury|budget|planning|youth|sports|sport|family|women|women's|social|welfare|housing|water|resources|mines|mining|fisheries|forestry|science|technology|digital|religious|awqaf|endowments|minister|ministry|president";

/// Last words that make a span an organisation (`Council`, `Ministry`, `Brigades`).
const ORG_HEADS: &str = "council|ministry|brigades|brigade|battalion|battalions|regiment|division|corps|legion|agency|agencies|news|university|college|school|academy|institute|institution|party|army|forces|force|navy|guard|guards|militia|militias|front|movement|brotherhood|alliance|coalition|union|league|federation|confederation|association|society|organisation|organization|committee|commission|board|bureau|office|department|directorate|authority|administration|service|services|police|gendarmerie|court|tribunal|parliament|assembly|congress|senate|cabinet|government|command|headquarters|bank|fund|trust|foundation|group|holdings|company|co|co.|corp|corp.|corporation|inc|inc.|ltd|ltd.|llc|plc|ag|gmbh|sa|airlines|airways|motors|industries|systems|technologies|energy|petroleum|oil|gas|telecom|communications|media|network|networks|television|tv|radio|channel|press|times|post|herald|journal|gazette|tribune|telegraph|observer|guardian|monitor|review|daily|weekly|magazine|club|fc|united|rovers|wanderers|athletic|sporting|team|church|mosque|synagogue|temple|diocese|hospital|clinic|center|centre|observatory|exchange|partners|capital|securities|insurance|group|consortium|cartel|network|watch|international|helmets|jihad|mujahideen|fighters|brigades|council|caucus|secretariat|mission|programme|program|initiative|project|lab|laboratory|labs|studios|records|foods|pharmaceuticals|pharma|motor|electric|steel|mining|chemicals|bancorp|bancshares|financial|investments|ventures|enterprises|associates|brothers|bros|bros.|sons|& co|institute|institutes|taskforce|task force|assembly|senate|commandos|unit|units|squad|cell|faction|factions|wing|office|embassy|consulate|mission|delegation";

/// Last words that make a span an event, prize, law or other MISC name (`World Cup`, `Gulf War`).
const MISC_HEADS: &str = "open|cup|championship|championships|series|games|bowl|trophy|prize|award|awards|classic|marathon|festival|war|wars|revolution|act|treaty|accord|accords|doctrine|olympics|paralympics|tour|rally|derby|masters|grand prix|invitational|tournament|challenge|expo|biennale|week|day|summit|conference|forum|symposium|agreement|protocol|convention|plan|initiative|index|average|prize|medal";

/// Last words that make a span a location (`River`, `Mountains`, `Province`).
const LOC_HEADS: &str = "palace|castle|cathedral|stadium|arena|tower|prison|gate|plaza|river|mountains|mountain|mount|mt|mt.|hills|hill|heights|valley|plain|plains|plateau|desert|sea|ocean|gulf|bay|lake|lakes|island|islands|isles|peninsula|coast|strait|straits|channel|canal|cape|delta|basin|forest|park|province|governorate|region|district|county|state|prefecture|oblast|krai|territory|territories|municipality|city|town|village|street|st|st.|road|rd|avenue|ave|boulevard|square|bridge|airport|port|harbour|harbor|crossing|pass|border|highway|motorway|freeway|expressway|corridor|junction|camp|base|airbase|air base|station|dam|reservoir|falls|glacier|beach|republic|kingdom|emirate|emirates|federation|oblast|raion|borough|neighbourhood|neighborhood|quarter|suburb";

/// First words that make a span a location (`Mount Everest`, `Lake Victoria`).
const LOC_PREFIXES: &str = "mount|mt|mt.|lake|cape|gulf|port|fort|saint|st|st.|sierra|isle|lake|bay|san|santa|sao|são|new|north|south|east|west|upper|lower|greater";

/// Span-final words after which `of` joins the next name (`Ministry of Defence`).
const OF_HEADS: &str = "ministry|ministries|department|university|bank|council|court|commission|committee|institute|museum|academy|school|college|church|republic|kingdom|emirate|state|states|gulf|sea|bay|isle|island|islands|strait|cape|province|city|county|district|region|federation|union|league|association|society|organisation|organization|office|board|house|houses|chamber|assembly|parliament|army|navy|secretary|minister|president|governor|mayor|duke|duchess|prince|princess|king|queen|earl|bishop|archbishop|lord|lady|mount|lake|river|port|order|party|front|movement|center|centre|foundation|federation|people|peoples|coalition|alliance|government|presidency|dept|dept.|bureau|agency|authority|service|college|faculty|hospital|tribunal|treaty|battle|siege|declaration|protocol|convention|conference|summit|festival|wall|bridge|tower|statue|church|cathedral|palace|museum|gallery|library|ministers";

/// Connectors that may sit inside a name (`Bashar al-Assad`, `Osama bin Laden`, `Charles de Gaulle`).
const NAME_PARTICLES: &str = "al|el|bin|ibn|bint|abu|abd|van|von|der|den|de|da|di|du|del|della|dos|das|la|le|ter|ten|zu|y|mac";

/// Lowercase nouns that, right after a name, make it an organisation (`Anadolu news agency`).
const ORG_NOUNS_AFTER: &str = "agency|news|newspaper|daily|broadcaster|channel|network|group|party|company|firm|corporation|conglomerate|bank|militia|organisation|organization|movement|faction|alliance|coalition|ministry|spokesman|spokeswoman|spokesperson|official|officials|government|administration|executives|shares|stock|subsidiary|unit|division|brand|lawmakers|leadership|officers|troops|fighters|militants|rebels|members|chief|chairman|ceo|headquarters|website|statement|report";

/// Lowercase nouns that, right before a name, make it an organisation (`the organisation White Helmets`).
const ORG_NOUNS_BEFORE: &str = "organisation|organization|group|agency|company|firm|party|movement|militia|charity|outlet|newspaper|broadcaster|network|alliance|coalition|faction|bank|insurer|carrier|airline|automaker|carmaker|retailer|conglomerate|club|union|institute|channel|daily|magazine|website|watchdog|regulator|nonprofit|ngo|think-tank|thinktank|organisations|organizations|groups|agencies|companies|parties";

/// Lowercase nouns that, right after a name, make it a location (`Idlib province`).
const LOC_NOUNS_AFTER: &str = "province|governorate|region|city|town|village|district|county|area|border|valley|river|mountains|coast|capital|airport|port|enclave|countryside|suburb|suburbs|neighbourhood|neighborhood|state|territory|peninsula|island|desert|highway|motorway|road|corridor|crossing|front|frontline|pocket|outskirts|municipality|oblast|prefecture|residents|governor|mayor";

/// Lowercase nouns before `of X` that make `X` a location (`the province of Idlib`).
const LOC_NOUNS_OF: &str = "province|city|town|village|region|district|county|state|capital|outskirts|suburbs|streets|centre|center|north|south|east|west|northeast|northwest|southeast|southwest|heart|governorate|island|coast|port|area|areas|parts|republic|kingdom|people|residents|citizens|territory";

/// Prepositions that weakly suggest a location for an unknown name (`in Idlib`).
const LOC_PREPS: &str = "in|near|from|at|across|through|throughout|outside|inside|into|towards|toward|around|via|across|to|within|beyond|between|northern|southern|eastern|western|central|north|south|east|west|northwestern|northeastern|southwestern|southeastern";

/// Reporting verbs: a name right before one is a speaker (`Ahelbarra said`).
const SPEECH_VERBS: &str = "said|says|told|tells|added|adds|stated|explained|noted|argued|asked|wrote|writes|declared|announced|insisted|warned|claimed|stressed|replied|continued|urged|acknowledged|admitted|suggested|believes|believed|thinks|thought|recalled|commented|remarked|answered|responded|confirmed|denied|estimated|predicted|tweeted|posted|emphasised|emphasized|underlined|pointed|concluded|cautioned|reiterated|observed";

/// Verbs that attribute reported (indirect) speech or a stance to a source:
/// speech, cognition and evidence (`said`, `believes`, `shows`), every form.
/// Learned from the cues of PolNeAR's train split, generalised to each verb's forms.
const CLAIM_VERBS: &str = "said|says|say|saying|told|tells|tell|telling|added|adds|adding|noted|notes|noting|stated|states|stating|explained|explains|explaining|argued|argues|argue|arguing|declared|declares|declaring|announced|announces|announce|announcing|insisted|insists|insist|insisting|warned|warns|warn|warning|claimed|claims|claim|claiming|stressed|stresses|stressing|replied|replies|responded|responds|urged|urges|urging|acknowledged|acknowledges|acknowledge|acknowledging|admitted|admits|admit|admitting|suggested|suggests|suggest|suggesting|believes|believed|believe|thinks|thought|think|recalled|recalls|recalling|commented|remarked|answered|confirmed|confirms|confirming|denied|denies|deny|denying|estimated|estimates|estimate|predicted|predicts|predict|predicting|tweeted|tweets|posted|wrote|writes|write|writing|emphasised|emphasized|emphasises|emphasizes|emphasizing|emphasising|underlined|underscored|pointed|points|pointing|concluded|concludes|cautioned|reiterated|reiterates|observed|indicated|indicates|indicating|agreed|agrees|agree|contended|contends|maintained|maintains|asserted|asserts|asserting|alleged|alleges|alleging|charged|charges|complained|complains|complaining|conceded|concedes|vowed|vows|vowing|promised|promises|promising|pledged|pledges|pledging|threatened|threatens|reported|reports|revealed|reveals|revealing|disclosed|announced|feared|fears|fear|hoped|hopes|hoping|worried|worries|knows|knew|know|feels|felt|expects|expected|shows|showed|shown|show|showing|found|finds|accused|accuses|accusing|blamed|blames|blaming|criticized|criticised|criticizes|criticises|criticizing|criticising|praised|praises|questioned|questions|doubted|doubts|mentioned|mentions|explained|implied|implies|acknowledged|signaled|signalled|signals|conceded|countered|counters|retorted|testified|informed|assured|reminded|advised|boasted|boasts|lamented|laments|recounted|recalled|proclaimed|projected|forecast|calculated|concluded|determined|ruled|demanded|demands|proposed|proposes|urged|called|calls|insisted|described|describes|describing|predicted|noted|guessed|speculated|speculates|surmised|reckoned|reckons|opined|announced|estimated|insists|contend|maintain|assert|allege|concede|conclude|reveal|note|state|report|confirm|show|find|warn|vow|promise|pledge|threaten|expect|hope|worry|feel|demand|propose|urge|learned|learnt|realised|realized|discovered|determined";

/// Cue words learned from PolNeAR's train split: every word form annotated as
/// (part of) an attribution cue at least 4 times and in at least a quarter of
/// its occurrences, adverbs, nouns and adjectives removed by hand.
const LEARNED_CLAIM_VERBS: &str = "accused|accuses|accusing|acknowledge|acknowledged|acknowledging|acquiesced|added|adding|addressed|adds|admit|admits|admitted|admitting|advocated|agree|agreed|agrees|aim|aimed|aiming|alleged|alleges|alleging|alluding|angered|announce|announced|announces|announcing|answered|apologized|appeared|appears|applauded|appointed|approved|argue|argued|argues|arguing|articulated|asked|asking|asks|assailed|asserted|asserting|assured|attacked|attempted|attributed|authorized|avoided|backed|backing|balked|believes|believing|bemoaned|blame|blamed|blames|blaming|blasted|blasting|blasts|blocked|boasted|boasts|booed|brushed|call|called|calling|calls|cast|cautioned|celebrated|challenged|championed|chanted|chanting|chants|charged|cheer|cheered|cite|cited|cites|citing|claimed|claiming|commented|complain|complained|conceded|conclude|concluded|concludes|condemned|condemning|confirmed|congratulated|considered|considering|considers|contends|continued|convince|convinced|credited|criticize|criticized|criticizing|debated|decided|deciding|declare|declared|declares|declaring|declined|decried|deemed|defended|defending|delivered|delivering|demanded|demanding|demands|denied|denounced|denouncing|derided|describe|described|describes|describing|detailing|determined|determining|devoted|disavow|disclosed|discuss|discussed|discussing|dislike|dismissed|dismisses|dismissing|distanced|documented|doubt|doubts|dubbed|echoed|echoing|emailed|embraced|emphasize|emphasized|emphasizing|encourage|encouraged|endorse|endorsed|endorses|endorsing|estimated|estimates|expect|expected|expecting|explain|explained|explaining|explains|exposed|express|expressed|expressing|favor|favored|fear|fearing|fears|filed|finds|fired|focused|focuses|forecast|found|hailed|highlight|highlighted|highlighting|hints|hoped|hopes|hoping|identified|ignored|imagined|implied|implying|indicate|indicated|indicates|informed|insist|insisted|insisting|insists|intended|interjected|introducing|invoked|issued|joked|justify|knocked|labeled|laid|lambasted|lamented|lashed|launching|laying|lays|learned|likened|listed|listing|lists|measured|mention|mentioned|mentioning|mentions|mocked|mocking|mused|naming|negotiated|nominated|note|noted|notes|noticed|noting|offer|offered|offering|oppose|opposed|opposes|opted|ordered|outlined|outlining|passed|passing|persuade|persuaded|pivoted|planning|pleaded|pledged|pledges|pledging|pointed|pointing|portray|portrayed|portraying|posted|praise|praised|praises|praising|predict|predicted|predicting|prefer|preferred|prefers|presented|pressed|pressing|proclaimed|projected|promise|promised|promises|promising|promote|proposed|proposing|pushed|pushing|questioned|questioning|quoted|quotes|railed|rattled|reacted|reads|realized|rebuffed|rebuked|rebut|recall|recalled|recalling|recognized|recognizing|recommended|recounted|referenced|referencing|referred|referring|refers|refuse|refused|refuses|refusing|regarded|reiterated|rejected|rejecting|released|remarked|remarking|remember|remembered|remembers|reminded|reminding|renewed|repeat|repeated|repeating|replied|reported|requested|respond|responded|responds|restricting|retweeted|reveal|revealed|reveals|ruled|said|say|saying|says|seeking|seeks|seem|seemed|seems|sees|shared|shouted|show|showed|showing|shown|shows|sided|signaled|signed|singled|slammed|slamming|slams|sought|sounded|sounds|sparred|speculated|spoke|stated|stating|stressed|suggest|suggested|suggesting|suggests|supported|supporting|supports|suspected|talked|talking|telling|tells|testified|thanked|thanking|thinks|threaten|threatened|threatening|told|touched|touted|touting|tweeted|tweeting|unveiled|urged|urging|viewed|voiced|voted|vow|vowed|vowing|vows|wanted|warn|warned|warning|weighed|welcomed|wonder|wondered|wondering|worried|worries|worry|writes|writing|wrote|yelled";

/// Claim verbs that attribute only with a clause after them (`found that`,
/// not `found the body`).
const CLAIM_VERBS_THAT: &str = "state|states|charge|maintained|maintains|maintain|found|finds|find|know|knows|knew|feel|feels|felt|learned|learnt|expects|expected|expect|determined|ruled|calculated|realised|realized|discovered|concluded|concludes|conclude";

/// Verbs whose listener comes before the content: `told reporters that ...`.
const TELL_VERBS: &str = "told|tells|tell|telling|informed|informs|informing|assured|assures|assuring|reminded|reminds|reminding|advised|advises";

/// Nouns that name an attributed statement: `X's statement that ...`.
const CLAIM_NOUNS: &str = "statement|statements|claim|claims|assertion|assertions|argument|arguments|warning|warnings|announcement|view|belief|allegation|allegations|insistence|suggestion|contention|assessment|prediction|promise|pledge|threat|assurance|conclusion|admission|remarks|remark|comments|comment|message|argument|report|finding|findings|charge|charges|accusation|accusations|position|stance|fear|fears|hope|hopes|concern|concerns";

/// Head nouns through which an institution speaks: `the ministry said`.
const INSTITUTION_HEADS: &str = "ministry|government|military|army|police|agency|committee|campaign|department|office|court|council|commission|party|company|firm|group|organisation|organization|coalition|administration|embassy|kremlin|pentagon|presidency|cabinet|parliament|senate|congress|regime|bank|union|alliance|observatory|authority|authorities|service|board|centre|center|institute|foundation|network|channel|newspaper|paper|agency|bureau|mission|forces|navy|command|spokesman|spokeswoman|spokesperson";

/// Nouns naming a source that is not a name (`a U.S. official`, `sources`).
const SOURCE_NOUNS: &str = "official|officials|source|sources|spokesman|spokeswoman|spokesperson|statement|report|analyst|analysts|expert|experts|diplomat|diplomats|witness|witnesses|resident|residents|activist|activists|observer|observers|aide|aides|adviser|advisers|advisor|advisors|lawmaker|lawmakers|investigator|investigators|police|authorities|officer|officers|commander|commanders|minister|ministers|president|leader|leaders|member|members|survey|poll|polls|study|studies|data|figures";

struct Lists {
    stop: HashSet<&'static str>,
    common: HashSet<&'static str>,
    months: HashSet<&'static str>,
    days: HashSet<&'static str>,
    loc: HashSet<&'static str>,
    demonyms: HashSet<&'static str>,
    orgs: HashSet<&'static str>,
    people: HashSet<&'static str>,
    first_names: HashSet<&'static str>,
    title_heads: HashSet<&'static str>,
    title_modifiers: HashSet<&'static str>,
    org_heads: HashSet<&'static str>,
    loc_heads: HashSet<&'static str>,
    misc_heads: HashSet<&'static str>,
    loc_prefixes: HashSet<&'static str>,
    of_heads: HashSet<&'static str>,
    particles: HashSet<&'static str>,
    org_after: HashSet<&'static str>,
    org_before: HashSet<&'static str>,
    loc_after: HashSet<&'static str>,
    loc_of: HashSet<&'static str>,
    loc_preps: HashSet<&'static str>,
    speech: HashSet<&'static str>,
    claim_verbs: HashSet<&'static str>,
    tell_verbs: HashSet<&'static str>,
    claim_that: HashSet<&'static str>,
    claim_nouns: HashSet<&'static str>,
    institution_heads: HashSet<&'static str>,
    source_nouns: HashSet<&'static str>,
}

fn set(lists: &[&'static str]) -> HashSet<&'static str> {
    lists
        .iter()
        .flat_map(|l| l.split('|'))
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect()
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| Lists {
        stop: set(&[STOPWORDS]),
        common: set(&[COMMON, STOPWORDS]),
        months: set(&[MONTHS]),
        days: set(&[DAYS]),
        loc: set(&[COUNTRIES, REGIONS, CITIES]),
        demonyms: set(&[DEMONYMS]),
        orgs: set(&[ORGS]),
        people: set(&[PEOPLE]),
        first_names: set(&[FIRST_NAMES]),
        title_heads: set(&[TITLE_HEADS]),
        title_modifiers: set(&[TITLE_MODIFIERS]),
        org_heads: set(&[ORG_HEADS]),
        loc_heads: set(&[LOC_HEADS]),
        misc_heads: set(&[MISC_HEADS]),
        loc_prefixes: set(&[LOC_PREFIXES]),
        of_heads: set(&[OF_HEADS]),
        particles: set(&[NAME_PARTICLES]),
        org_after: set(&[ORG_NOUNS_AFTER]),
        org_before: set(&[ORG_NOUNS_BEFORE]),
        loc_after: set(&[LOC_NOUNS_AFTER]),
        loc_of: set(&[LOC_NOUNS_OF]),
        loc_preps: set(&[LOC_PREPS]),
        speech: set(&[SPEECH_VERBS]),
        claim_verbs: set(&[CLAIM_VERBS, LEARNED_CLAIM_VERBS]),
        tell_verbs: set(&[TELL_VERBS]),
        claim_that: set(&[CLAIM_VERBS_THAT]),
        claim_nouns: set(&[CLAIM_NOUNS]),
        institution_heads: set(&[INSTITUTION_HEADS]),
        source_nouns: set(&[SOURCE_NOUNS]),
    })
}

/// English function word (lowercase key).
pub(crate) fn is_stopword(w: &str) -> bool {
    lists().stop.contains(w)
}

/// Function word or frequent common word (lowercase key).
pub(crate) fn is_common(w: &str) -> bool {
    lists().common.contains(w)
}

/// A word that commonly starts a sentence in lowercase-dominant use (`The`, `He`, `But`).
pub(crate) fn is_sentence_starter(w: &str) -> bool {
    lists().stop.contains(w) || lists().common.contains(w)
}

/// Month or day name, or a calendar word like `today`.
pub(crate) fn is_calendar(w: &str) -> bool {
    lists().months.contains(w) || lists().days.contains(w)
}

/// Country, region or city.
pub(crate) fn is_location(w: &str) -> bool {
    lists().loc.contains(w)
}

/// Nationality, people, language, religion or named event (MISC).
pub(crate) fn is_demonym(w: &str) -> bool {
    lists().demonyms.contains(w)
}

/// Known organisation.
pub(crate) fn is_org(w: &str) -> bool {
    lists().orgs.contains(w)
}

/// Well-known person.
pub(crate) fn is_person(w: &str) -> bool {
    lists().people.contains(w)
}

/// Common given name.
pub(crate) fn is_first_name(w: &str) -> bool {
    lists().first_names.contains(w)
}

/// Title head (`president`, `minister`, `mr.`).
pub(crate) fn is_title_head(w: &str) -> bool {
    lists().title_heads.contains(w)
}

/// Word that may precede a title head inside a title (`foreign`, `deputy`).
pub(crate) fn is_title_modifier(w: &str) -> bool {
    lists().title_modifiers.contains(w)
}

/// Organisation head noun.
pub(crate) fn is_org_head(w: &str) -> bool {
    lists().org_heads.contains(w)
}

/// Location head noun.
pub(crate) fn is_loc_head(w: &str) -> bool {
    lists().loc_heads.contains(w)
}

/// Event, prize or law head noun (MISC).
pub(crate) fn is_misc_head(w: &str) -> bool {
    lists().misc_heads.contains(w)
}

/// Location prefix word (`mount`, `lake`).
pub(crate) fn is_loc_prefix(w: &str) -> bool {
    lists().loc_prefixes.contains(w)
}

/// A word after which `of` continues a name.
pub(crate) fn is_of_head(w: &str) -> bool {
    lists().of_heads.contains(w)
}

/// Lowercase name particle (`al`, `bin`, `de`, `von`).
pub(crate) fn is_particle(w: &str) -> bool {
    lists().particles.contains(w)
}

/// Lowercase noun after a name that marks an organisation.
pub(crate) fn is_org_noun_after(w: &str) -> bool {
    lists().org_after.contains(w)
}

/// Lowercase noun before a name that marks an organisation.
pub(crate) fn is_org_noun_before(w: &str) -> bool {
    lists().org_before.contains(w)
}

/// Lowercase noun after a name that marks a location.
pub(crate) fn is_loc_noun_after(w: &str) -> bool {
    lists().loc_after.contains(w)
}

/// Lowercase noun before `of` + name that marks a location.
pub(crate) fn is_loc_noun_of(w: &str) -> bool {
    lists().loc_of.contains(w)
}

/// Preposition suggesting a location.
pub(crate) fn is_loc_prep(w: &str) -> bool {
    lists().loc_preps.contains(w)
}

/// Reporting verb.
pub(crate) fn is_speech_verb(w: &str) -> bool {
    lists().speech.contains(w)
}

/// Verb attributing reported speech or a stance (`said`, `believes`, `shows`).
pub(crate) fn is_claim_verb(w: &str) -> bool {
    lists().claim_verbs.contains(w)
}

/// Claim verb that needs `that` after it to attribute (`found that`).
pub(crate) fn needs_that(w: &str) -> bool {
    lists().claim_that.contains(w)
}

/// Verb whose listener precedes the content (`told`, `assured`).
pub(crate) fn is_tell_verb(w: &str) -> bool {
    lists().tell_verbs.contains(w)
}

/// Noun naming an attributed statement (`statement`, `claim`).
pub(crate) fn is_claim_noun(w: &str) -> bool {
    lists().claim_nouns.contains(w)
}

/// Noun naming a source that is not a name (`official`, `sources`).
pub(crate) fn is_source_noun(w: &str) -> bool {
    lists().source_nouns.contains(w) || is_institution_head(w)
}

/// Head noun through which an institution speaks (`ministry`, `government`).
pub(crate) fn is_institution_head(w: &str) -> bool {
    lists().institution_heads.contains(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        type Case = (fn(&str) -> bool, &'static str, bool);
        let cases: &[Case] = &[
            (is_location, "syria", true),
            (is_location, "middle east", true),
            (is_location, "erdogan", false),
            (is_demonym, "turkish", true),
            (is_org, "al jazeera", true),
            (is_org, "kremlin", true),
            (is_first_name, "vladimir", true),
            (is_title_head, "president", true),
            (is_calendar, "thursday", true),
            (is_common, "despite", true),
            (is_common, "idlib", false),
            (is_stopword, "the", true),
            (is_claim_verb, "indicated", true),
            (is_claim_verb, "idlib", false),
            (is_tell_verb, "told", true),
            (is_claim_noun, "statement", true),
            (is_institution_head, "ministry", true),
        ];
        for (f, w, want) in cases {
            assert_eq!(f(w), *want, "{w}");
        }
    }
}

/// Which hand-written list a phrase comes from (used as tagger gazetteer features).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum List {
    /// Countries, regions and cities.
    Location,
    /// Organisations.
    Org,
    /// Well-known people.
    Person,
    /// Nationalities and demonyms.
    Demonym,
    /// Given names.
    FirstName,
    /// Titles and roles before a name.
    TitleHead,
    /// Head nouns of organisations.
    OrgHead,
    /// Head nouns of places.
    LocHead,
    /// Head nouns of events, prizes, laws.
    MiscHead,
    /// Function and common words.
    Common,
    /// Months and days.
    Calendar,
    /// Reporting verbs.
    Speech,
}

/// The raw `|`-separated lists, by kind.
pub(crate) fn raw_lists() -> [(List, &'static str); 16] {
    [
        (List::Location, COUNTRIES),
        (List::Location, REGIONS),
        (List::Location, CITIES),
        (List::Org, ORGS),
        (List::Person, PEOPLE),
        (List::Demonym, DEMONYMS),
        (List::FirstName, FIRST_NAMES),
        (List::TitleHead, TITLE_HEADS),
        (List::OrgHead, ORG_HEADS),
        (List::LocHead, LOC_HEADS),
        (List::MiscHead, MISC_HEADS),
        (List::Common, COMMON),
        (List::Common, STOPWORDS),
        (List::Calendar, MONTHS),
        (List::Calendar, DAYS),
        (List::Speech, SPEECH_VERBS),
    ]
}
