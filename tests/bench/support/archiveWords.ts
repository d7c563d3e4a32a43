/**
 * Real French and Arabic words, most frequent first, heading each language's vocabulary; the long tail is
 * made of plausible synthetic words (see archive.ts). Enough real text that snippets and phrases look like
 * a newspaper's, with the skewed frequencies of real language.
 */
export const FRENCH_HEAD = `de la le et les des en un du une que est pour qui dans a par plus pas au sur ne se
sont il elle ce avec son sa mais ont ses cette comme aux leur bien ou été fait tout nous dont elles ils
selon après deux lors entre contre depuis sans sous avant encore aussi déjà très moins ans année premier
gouvernement président ministre pays France Paris ville état politique projet public économie loi
conseil municipal région national sécurité santé police justice tribunal élection élections vote
député sénat assemblée réforme budget emploi travail entreprise entreprises marché prix hausse baisse
croissance crise guerre paix accord sommet réunion semaine mois jour hier demain matin soir lundi
mardi mercredi jeudi vendredi samedi dimanche selon enquête rapport chiffres habitants population
école université étudiants enseignants hôpital médecins patients climat environnement énergie
pétrole gaz électricité transport train grève syndicats manifestation manifestants rue quartier
maire préfet commune département Europe européenne Afrique Maroc Algérie Tunisie Liban Syrie
international diplomatie frontière migrants réfugiés sécheresse inondations incendie tempête météo
culture festival cinéma musique livre exposition musée théâtre sport football match équipe victoire
défaite championnat joueurs entraîneur saison Montréal Québec Bruxelles Genève Dakar Abidjan
numérique internet réseaux sociaux données cybercriminalité attaque informatique téléphone
agriculteurs agriculture récolte eau logement loyers immobilier banque taux inflation dette impôts
famille enfants femmes jeunes retraite retraités pension chômage salaire salariés usine industrie
`;

export const ARABIC_HEAD = `في من على إلى أن عن مع هذا هذه التي الذي كان قد لا ما بين بعد قبل كل عند حيث
الحكومة الرئيس الوزير البلاد الدولة السياسة المدينة المجلس البرلمان الانتخابات الأمن الشرطة القضاء
المحكمة الاقتصاد الميزانية الأسعار النفط الغاز الكهرباء المياه الزراعة الفلاحين الجفاف الفيضانات
المدرسة الجامعة الطلاب المستشفى الأطباء المرضى الصحة التعليم العمل البطالة الأجور الشركات السوق
التضخم الديون الضرائب الاستثمار التنمية المشروع المشاريع الطاقة المناخ البيئة النقل القطار الطريق
الحرب السلام الاتفاق القمة الاجتماع الأسبوع الشهر اليوم أمس غدا صباح مساء الاثنين الثلاثاء الأربعاء
الخميس الجمعة السبت الأحد المغرب الجزائر تونس مصر لبنان سوريا العراق الأردن فلسطين أوروبا فرنسا
الثقافة المهرجان السينما الموسيقى الكتاب المعرض المتحف المسرح الرياضة كرة القدم المباراة الفريق
الفوز الهزيمة البطولة اللاعبين المدرب الموسم الإنترنت الشبكات البيانات الهاتف المواطنين السكان
العائلة الأطفال النساء الشباب التقاعد المصنع الصناعة الحدود اللاجئين المهاجرين المظاهرات النقابات
`;

/** Word pairs a newspaper writes together, so that phrase queries have real phrases to find. */
export const FRENCH_PHRASES = [
  'conseil municipal',
  'président de la république',
  'ministre de la santé',
  'hausse des prix',
  'réseaux sociaux',
  'taux de chômage',
];
export const ARABIC_PHRASES = ['رئيس الحكومة', 'وزير الصحة', 'ارتفاع الأسعار', 'كرة القدم'];
