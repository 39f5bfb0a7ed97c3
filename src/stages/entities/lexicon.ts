/**
 * Hand-written word lists for the rule tagger. All lists are plain data; the
 * rules in tag-by-rules.ts decide how they combine.
 */

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

/** Abbreviated honorifics and ranks; always a title when before a name. */
export const HONORIFICS = words(`
  Mr. Mrs. Ms. Miss Mx. Dr. Prof. Sen. Rep. Gov. Lt. Gen. Col. Capt. Cpt. Sgt. Maj. Adm. Cmdr. Brig.
  Cpl. Pvt. Rev. Fr. Sr. Sir Dame Lord Lady Pres. Atty. Supt. Insp. Det. Hon. Amb. Sheikh Sheik Mr Mrs Ms Dr
  Mme. Mme Mlle. Herr Frau Sig. Sra. Sr. Don Dona Rabbi Imam Ayatollah Cardinal Bishop Archbishop Pastor Father
  Sister Brother Gen Lt Col Capt Sgt Maj Adm Prof Sen Rep Gov Rev
`);

/** Title words: a title when followed by a name ("President Osei", "CIA Director Ruiz"). */
export const TITLE_WORDS = words(`
  President Vice Premier Minister Chancellor King Queen Prince Princess Emperor Empress Pope Sultan Emir Crown
  Director Secretary Judge Justice Senator Congressman Congresswoman Governor Mayor General Colonel Captain
  Lieutenant Sergeant Major Admiral Commander Marshal Corporal Private Officer Chairman Chairwoman Chair
  Chief Ambassador Spokesman Spokeswoman Spokesperson Commissioner Inspector Detective Deputy Envoy Coach
  Manager Striker Defender Midfielder Goalkeeper Captain Professor Doctor Chancellor Attorney Prosecutor
  Leader Speaker Head CEO Founder Representative Delegate Negotiator Mediator Superintendent Constable
  Foreign Defence Defense Interior Finance Health Justice Trade Economy Economic Energy Education Labour Labor
  Prime State Home Agriculture Transport Environment Culture Communications Information Security Army Navy
  Former Acting Interim Senior Assistant Executive Managing Opposition Party Police Military Intelligence
  National Federal Regional Provincial Presidential Supreme Attorney-General Secretary-General Director-General
  Vice-President Vice-Chairman Deputy-Director Commander-in-Chief Field Rear Staff
`);

/**
 * Title words that alone can end a title ("Minister", "Director"); the others
 * (Foreign, Prime, Deputy) only modify one.
 */
export const TITLE_HEADS = words(`
  President Premier Minister Chancellor King Queen Prince Princess Emperor Empress Pope Sultan Emir
  Director Secretary Judge Justice Senator Congressman Congresswoman Governor Mayor General Colonel Captain
  Lieutenant Sergeant Major Admiral Commander Marshal Corporal Private Officer Chairman Chairwoman
  Chief Ambassador Spokesman Spokeswoman Spokesperson Commissioner Inspector Detective Envoy Coach
  Manager Striker Defender Midfielder Goalkeeper Professor Doctor Attorney Prosecutor Leader Speaker CEO
  Founder Representative Negotiator Mediator Superintendent Constable Attorney-General Secretary-General
  Director-General Vice-President Vice-Chairman Commander-in-Chief
`);

/** Words that make a capitalised phrase an organisation ("the Health Ministry", "Acme Corp."). */
export const ORG_CUES = words(`
  Ministry Agency Council University College Institute Party Inc. Inc Corp. Corp Co. Ltd. Ltd Plc PLC
  LLC GmbH AG SA NV Committee Commission Court Police Army Navy Force Forces Bank Group Association
  Federation Union League Department Bureau Office Authority Board Foundation Organisation Organization
  Company Corporation Holdings Industries Airlines Airways Motors Systems Technologies Partners Fund
  Parliament Congress Senate Assembly Cabinet Government Administration Service Services Club United
  Brigade Brigades Movement Front Alliance Coalition Society Church Trust Network News Times Post Journal
  Press Herald Gazette Tribune Telegraph Radio Television TV Broadcasting Exchange Hospital School Academy
  Museum Guard Reserve Secretariat Tribunal Directorate Command Battalion Regiment Division Unit Cartel
  Rovers Wanderers Athletic City FC Stadium Lines Shipping Ferries Logistics Enterprises Ventures Laboratories
  Pharmaceuticals Petroleum Insurance Securities Investments
`);

/** Words that make a capitalised phrase a place ("Nile River", "Harlow Street"). */
export const LOC_CUES = words(`
  River Lake Sea Ocean Mountains Mountain Mount Mt. Island Islands Valley Desert Gulf Bay Strait Canal Peninsula
  Province County District Region State Street St. Avenue Road Square Bridge Airport Port Coast Basin Plateau
  Heights Hills Hill Forest Park Border Corridor Strip Bank Sahara Cape Falls Beach Village Town Harbour Harbor
`);

/** First words that make a capitalised phrase a place ("Port Moresby", "Lake Tana", "Isle of Wight"). */
export const LOC_HEADS = words(`Port Lake Mount Mt. Cape Fort Isle Gulf`);

/**
 * Nouns after which "of" introduces a place ("the government of Tarnowel",
 * "residents of Orvieto"), in lower case as written.
 */
export const PLACE_OF_NOUNS = words(`
  government province region state republic kingdom city town village capital island islands county district
  territory municipality residents inhabitants citizens people north south east west northeast northwest
  southeast southwest outskirts suburbs streets coast shores mayor governor
`);

/**
 * What follows "X's" when X is a country or region ("Tarnowel's interior minister",
 * "Tarnowel's government"); a company or a person rarely has these.
 */
export const COUNTRY_POSSESSIONS = words(`
  government capital parliament army military navy border borders coast coastline citizens population
  cabinet territory embassy ambassador foreign interior defence defense finance prime
`);

/** Nouns naming a vessel ("the Amber Tide ferry", "the Amber Tide, a cargo ship"). */
export const VESSEL_NOUNS = words(`
  ferry ship vessel tanker freighter liner yacht boat trawler submarine frigate destroyer carrier cruiser
  steamer barge ferries ships vessels
`);

/** Heads after which "of" continues a name ("Ministry of Health", "Gulf of Aden"). */
export const OF_HEADS = words(`
  Ministry Department University College Institute Bank Council Court Federation Association Union League
  Bureau Office Board Organisation Organization Church Academy Museum School Party Republic Kingdom Gulf Bay
  Strait Sea Isle Island Islands Cape Duke Duchess Earl Prince Princess King Queen Emirate State States
  Sultanate Commonwealth Chamber House Secretary Minister Chief Governor Director Commission Committee
  Society Order Tribunal Court Mount Lake River Port Straits City Province District Region Army Confederation
  Parliament Assembly Congress Directorate Authority Agency Service
`);

/** Particles inside personal names. */
export const NAME_PARTICLES = words(`al el bin ibn bint abu van der den de da del della di du la le von dos das ter ten y`);

/** Prefixes joined by a hyphen ("al-Rashed", "el-Sayed"). */
export const HYPHEN_PARTICLES = words(`al el ad as ash at az ar an bin abu`);

export const MONTHS = words(`
  January February March April May June July August September October November December
  Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec. Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
`);

export const DAYS = words(`
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon. Tue. Tues. Wed. Thu. Thur. Thurs. Fri. Sat. Sun.
`);

/** Capitalised words that are never names by themselves. */
export const NEVER_NAMES = words(`
  I I'm I've I'd I'll The A An This That These Those It Its He She We They You His Her Our Their My Your
  But And Or If When While After Before Since Because Although As At In On Of For From To By With Without
  There Here What Who Whom Which Where Why How Yes No Not Also Then So Still Yet Meanwhile However
  AM PM A.M. P.M. Today Tomorrow Yesterday Tonight Christmas Easter Spring Summer
  Autumn Winter Fall Internet Web Page Photo Video Read More Share Updated Published
  OK Ok Oh Please Thank Thanks Hello Sorry Do Does Did Is Are Was Were Be Been Has Have Had Will Would
  Can Could Should Must May Might Shall Let Now Just Only Even Every Each Both All Some Any Many Much Most
  Other Another Such One Two Three Four Five Six Seven Eight Nine Ten Last Next Jr. Jr
`);

/** Words that report speech; a capitalised phrase just before or after one is a person. */
export const SPEECH_VERBS = words(`said says told added stated explained insisted warned noted wrote asked replied declared`);

/** Countries and territories (LOC). */
export const COUNTRIES = words(`
  Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahamas Bahrain
  Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Botswana Brazil Brunei Bulgaria
  Burundi Cambodia Cameroon Canada Chad Chile China Colombia Comoros Congo Croatia Cuba Cyprus Czechia
  Denmark Djibouti Dominica Ecuador Egypt Eritrea Estonia Eswatini Ethiopia Fiji Finland France Gabon Gambia
  Georgia Germany Ghana Greece Grenada Guatemala Guinea Guyana Haiti Honduras Hungary Iceland India Indonesia
  Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Kiribati Kosovo Kuwait Kyrgyzstan Laos
  Latvia Lebanon Lesotho Liberia Libya Liechtenstein Lithuania Luxembourg Madagascar Malawi Malaysia Maldives
  Mali Malta Mauritania Mauritius Mexico Micronesia Moldova Monaco Mongolia Montenegro Morocco Mozambique
  Myanmar Burma Namibia Nauru Nepal Netherlands Holland Nicaragua Niger Nigeria Norway Oman Pakistan Palau
  Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Samoa Senegal Serbia
  Seychelles Singapore Slovakia Slovenia Somalia Spain Sudan Suriname Sweden Switzerland Syria Taiwan
  Tajikistan Tanzania Thailand Togo Tonga Tunisia Turkey Turkmenistan Tuvalu Uganda Ukraine Uruguay
  Uzbekistan Vanuatu Vatican Venezuela Vietnam Yemen Zambia Zimbabwe Britain England Scotland Wales Greenland
  Kashmir Chechnya Tibet Gaza Crimea Kurdistan Zaire Yugoslavia Macedonia Europe Asia Africa America
  Antarctica Oceania Caribbean Balkans Scandinavia Siberia Sahel Darfur Xinjiang Hong-Kong U.S. US USA U.S.A.
  UK U.K. UAE U.A.E.
`);

/** Multi-word place names. */
export const PLACE_PHRASES = new Set([
  'United States', 'United Kingdom', 'New Zealand', 'South Africa', 'North Korea', 'South Korea', 'Saudi Arabia',
  'Sri Lanka', 'Costa Rica', 'El Salvador', 'Puerto Rico', 'Hong Kong', 'West Bank', 'Middle East',
  'Latin America', 'North America', 'South America', 'Central America', 'East Timor', 'Ivory Coast',
  'Czech Republic', 'Dominican Republic', 'Sierra Leone', 'Burkina Faso', 'Papua New Guinea', 'New York',
  'Los Angeles', 'San Francisco', 'Rio de Janeiro', 'Buenos Aires', 'Mexico City', 'New Delhi', 'Tel Aviv',
  'Abu Dhabi', 'Kuala Lumpur', 'Sao Paulo', 'São Paulo', 'Cape Town', 'Addis Ababa', 'Las Vegas',
  'Gaza Strip', 'Golan Heights', 'Persian Gulf', 'Red Sea', 'Black Sea', 'South China Sea', 'Horn of Africa',
]);

/** Major cities and regions (LOC). */
export const CITIES = words(`
  London Paris Berlin Madrid Rome Moscow Beijing Shanghai Tokyo Delhi Mumbai Kolkata Chennai Karachi Lahore
  Islamabad Kabul Tehran Baghdad Damascus Beirut Amman Jerusalem Cairo Riyadh Jeddah Doha Dubai Ankara
  Istanbul Athens Vienna Prague Warsaw Budapest Bucharest Sofia Belgrade Zagreb Sarajevo Kiev Kyiv Minsk
  Vilnius Riga Tallinn Helsinki Stockholm Oslo Copenhagen Amsterdam Brussels Luxembourg Geneva Zurich Bern
  Lisbon Dublin Edinburgh Manchester Liverpool Birmingham Glasgow Washington Chicago Boston Houston Dallas
  Miami Atlanta Seattle Denver Detroit Philadelphia Phoenix Toronto Montreal Vancouver Ottawa Havana Caracas
  Bogota Lima Santiago Quito Brasilia Montevideo Nairobi Lagos Abuja Accra Dakar Kinshasa Khartoum Mogadishu
  Johannesburg Pretoria Harare Lusaka Kampala Kigali Tunis Algiers Rabat Casablanca Tripoli Sydney Melbourne
  Canberra Auckland Wellington Jakarta Manila Bangkok Hanoi Saigon Singapore Seoul Pyongyang Taipei Dhaka
  Kathmandu Colombo Tashkent Almaty Astana Baku Tbilisi Yerevan Sanaa Aden Muscat Kuwait Basra Mosul Aleppo
  Homs Idlib Raqqa Kandahar Peshawar Kharkiv Odesa Odessa Donetsk Luhansk Mariupol Gdansk Krakow Munich
  Frankfurt Hamburg Cologne Milan Naples Turin Barcelona Valencia Seville Marseille Lyon Nice Bordeaux
  Strasbourg Rotterdam Antwerp Porto Hebron Nablus Ramallah Jenin Rafah Haifa Kyoto Osaka
  Bavaria Catalonia Flanders Wallonia Quebec Ontario California Texas Florida Ohio Virginia Michigan
  Yorkshire Kent Punjab Sindh Gujarat Kerala Bengal Tigray Amhara Oromia Donbas Galilee Negev Sinai
`);

/** Nationalities, religions and languages (MISC). */
export const DEMONYMS = words(`
  American British English Scottish Welsh Irish French German Italian Spanish Portuguese Dutch Belgian Swiss
  Austrian Swedish Norwegian Danish Finnish Icelandic Polish Czech Slovak Hungarian Romanian Bulgarian
  Greek Turkish Russian Ukrainian Belarusian Serbian Croatian Bosnian Albanian Slovenian Macedonian
  Lithuanian Latvian Estonian Georgian Armenian Azerbaijani Kazakh Uzbek Afghan Pakistani Indian
  Bangladeshi Nepali Lankan Chinese Japanese Korean Taiwanese Vietnamese Thai Cambodian Burmese
  Malaysian Indonesian Filipino Australian Canadian Mexican Brazilian Argentine Argentinian Chilean
  Colombian Peruvian Venezuelan Cuban Haitian Jamaican Egyptian Libyan Tunisian Algerian Moroccan Sudanese
  Ethiopian Eritrean Somali Kenyan Ugandan Tanzanian Rwandan Congolese Nigerian Ghanaian Senegalese Malian
  Cameroonian Angolan Zimbabwean Zambian Israeli Palestinian Lebanese Syrian Jordanian Iraqi Iranian
  Saudi Yemeni Omani Emirati Qatari Kuwaiti Bahraini Kurdish Arab Arabic Persian Hebrew Muslim Muslims
  Christian Christians Jewish Jews Jew Hindu Hindus Buddhist Sikh Catholic Protestant Orthodox Sunni Shia
  Shi'ite Shiite Islamic European African Asian Latin Western Eastern Balkan Scandinavian Caribbean Soviet
  Yugoslav Americans Britons Germans Russians Israelis Palestinians Iraqis Iranians Afghans Pakistanis
  Indians Chinese Ukrainians Europeans Africans Asians Arabs Kurds Serbs Croats Bosnians Albanians
  Olympic Olympics Nobel Republican Republicans Democrat Democrats Democratic Marxist Communist
  Communists Socialist Socialists Islamist Islamists Zionist Taliban
`);

/**
 * Common given names from many languages. A capitalised word from this list
 * opening a phrase makes the phrase a person.
 */
export const FIRST_NAMES = words(`
  James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony
  Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan
  Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander
  Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle
  Walter Ethan Jeremy Harold Keith Christian Roger Noah Gerald Carl Terry Sean Austin Arthur Lawrence
  Jesse Dylan Bryan Joe Jordan Billy Bruce Albert Willie Gabriel Logan Alan Juan Wayne Roy Ralph Randy
  Eugene Vincent Russell Elijah Louis Bobby Philip Johnny Bill Tom Tony Mike Jim Bob Dave Steve Chris Nick
  Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret Sandra
  Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah Stephanie Rebecca Sharon Laura
  Cynthia Kathleen Amy Shirley Angela Helen Anna Brenda Pamela Nicole Emma Samantha Katherine Christine
  Debra Rachel Catherine Carolyn Janet Ruth Maria Heather Diane Virginia Julie Joyce Victoria Olivia Kelly
  Christina Lauren Joan Evelyn Judith Megan Cheryl Andrea Hannah Martha Jacqueline Frances Gloria Ann
  Teresa Kathryn Sara Janice Jean Alice Madison Doris Abigail Julia Judy Grace Denise Amber Marilyn Beverly
  Danielle Theresa Sophia Marie Diana Brittany Natalie Isabella Charlotte Rose Alexis Kayla Hillary Jane
  Mohammed Mohammad Muhammad Mohamed Ahmed Ahmad Ali Hassan Hussein Hussain Omar Umar Abdullah Abdul Khalid
  Khaled Mahmoud Mahmud Mustafa Ibrahim Yusuf Youssef Yousef Ismail Hamid Rashid Tariq Karim Nabil Samir
  Walid Faisal Salman Saleh Salah Jamal Nasser Fatima Aisha Layla Leila Yasmin Zainab Mariam Noor Amina
  Hamza Bilal Idris Anwar Osman Othman Ayman Hani Fadi Rami Ziad Bashar Hafez Saddam Yasser Yasir Benjamin
  Moshe David Yitzhak Shimon Ehud Ariel Avi Yosef Eli Naftali Benny Yair Amir Reuven Tzipi Golda Miriam
  Vladimir Sergei Sergey Dmitry Dmitri Alexei Alexey Andrei Andrey Ivan Igor Oleg Mikhail Nikolai Boris
  Yuri Viktor Volodymyr Petro Olena Natalia Natalya Olga Tatiana Irina Svetlana Yulia Anastasia Ekaterina
  Hans Klaus Jurgen Jürgen Helmut Gerhard Wolfgang Angela Olaf Friedrich Franz Karl Heinz Dieter Uwe
  Stefan Thomas Matthias Markus Andreas Michael Ursula Annalena Sabine Petra Monika Gabriele
  Jean Pierre Jacques François Francois Michel Philippe Nicolas Emmanuel Laurent Olivier Christophe Alain
  Marine Ségolène Marie Sophie Camille Chloé Isabelle Nathalie Catherine Dominique Jean-Pierre Jean-Marc
  Giuseppe Giovanni Marco Luca Matteo Francesco Alessandro Andrea Paolo Silvio Mario Sergio Giorgia Giulia
  Carlos Luis Miguel Antonio Manuel Pedro Javier Alejandro Fernando Jorge Ricardo Rafael Pablo Diego Andres
  Andrés Felipe Gustavo Hugo Lula Evo Nicolás Ana Lucia Lucía Carmen Isabel Sofia Valentina Camila Gabriela
  Joao João Paulo Rui Tiago Afonso Beatriz Inês
  Pieter Jan Willem Hendrik Johan Mark Geert Anneke Sven Lars Erik Anders Nils Magnus Olof Ingrid Astrid
  Piotr Andrzej Tomasz Krzysztof Lech Donald Jaroslaw Agnieszka Katarzyna Milos Slobodan Zoran Goran Ante
  Recep Ahmet Mehmet Mustafa Kemal Emine Ayse Ayşe Elif Zeynep
  Narendra Rahul Sonia Indira Rajiv Amit Raj Ravi Sunil Anil Sanjay Vijay Arjun Priya Pooja Deepak Manmohan
  Imran Nawaz Benazir Shehbaz Asif Pervez Zulfikar Hasina Khaleda Mahinda Gotabaya Ranil
  Xi Li Wang Zhang Liu Chen Yang Zhao Huang Zhou Wu Hu Jiang Deng Mao Wen Jinping Keqiang Hiroshi Takeshi
  Yoshihide Shinzo Fumio Junichiro Yuki Haruki Kenji Akira Naoko Yoko Kim Park Lee Moon Jae-in Yoon
  Nguyen Tran Thanh Hung Minh Duc Anh Joko Susilo Megawati Rodrigo Ferdinand Corazon Gloria Benigno
  Nelson Jacob Cyril Thabo Desmond Kofi Kwame Nana Uhuru William Raila Yoweri Paul Abiy Isaias Goodluck
  Muhammadu Olusegun Bola Ngozi Chinua Wole Ellen George Macky Ibrahim Abdel Abdelaziz Abdelfattah Fattah
  Jair Dilma Cristina Mauricio Alberto Néstor Hugo Evo Rafael Ollanta Michelle Sebastián Gabriel Andrés
  Justin Stephen Pierre Brian Kathleen Jacinda Scott Malcolm Kevin Julia Anthony Tony Boris Theresa Gordon
  Rishi Keir Liz Nicola Alex Ed Ben Sam Dan Matt Joe Greg Jeff Josh Luke Max Oscar Leo Harry Charlie Archie
  Amara Kwesi Ama Kofi Adwoa Chidi Chioma Emeka Ngozi Tunde Femi Bisi Sipho Thandiwe Lerato Zanele Wanjiru
  Okonkwo Abebe Tesfaye Haile Meles Selam Farah Omari Baraka Juma Zuri Aziz Nadia Samira Rania Dalia Hoda
`);
