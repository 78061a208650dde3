package extract

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
)

// TestEntityLayer checks how actors without a gazetteer name are read:
// discovered persons, titles bound to their holder in the article, roles
// resolved on the article's date, and state anaphors. The sentences are
// written for the test, shaped like news.
func TestEntityLayer(t *testing.T) {
	runEntityCases(t, testExtractor(t), entityLayerCases())
}

// entityLayerCases are TestEntityLayer's articles, which
// TestPerturbedSentences also reads cut and shuffled.
func entityLayerCases() []entityCase {
	kamal := DiscoveredID(graph.KindPerson, arabic.Normalize("كمال طلعت"))
	return []entityCase{
		{
			name:   "a group named without its head word is the group a demonstrative refers back to",
			text:   "وأعلن الحوثيون، في بيان مساء الخميس، مسؤوليتهم عن استهداف ناقلة نفط قرب باب المندب. وقال المتحدث باسم الخارجية الأمريكية إن إيران تواصل تسليح هذه الجماعة رغم العقوبات. وأضاف أن روسيا لا تدعم هذه المجموعة.",
			want:   []string{"supported iran -> houthis"},
			absent: []string{"-> usa", "usa ->", "supported russia"},
		},
		{
			name: "this group refers back through an anaphor of the sentence before",
			text: "وقال المتحدث إن إيران تواصل تسليح جماعة الحوثي. وانتقدت السعودية هذه الجماعة. وأضاف أن موسكو تدعم هذه المجموعة.",
			want: []string{"supported iran -> houthis", "opposed saudi-arabia -> houthis", "supported russia -> houthis"},
		},
		{
			name:   "a movement before any other group in the sentence before",
			text:   "وقالت حركة حماس في بيان إن حزب الله أطلق عشرات الصواريخ على الجليل. وانتقدت إسرائيل هذه الحركة واتهمتها بعرقلة المفاوضات.",
			want:   []string{"opposed israel -> hamas"},
			absent: []string{"-> hezbollah"},
		},
		{
			name: "this movement far from any group is the last movement the article named",
			text: "وقالت حركة حماس إن الهدنة صامدة. وأضافت أن المفاوضات مستمرة. وقال الوسطاء إن الجولة المقبلة ستعقد في القاهرة. وانتقدت إسرائيل هذه الحركة.",
			want: []string{"opposed israel -> hamas"},
		},
		{
			name:   "two movements equally close name neither",
			text:   "وأعلنت حركة الشباب وحركة الجهاد الإسلامي تأييدهما للهجوم. وانتقدت إسرائيل هذه الحركة بشدة.",
			absent: []string{"israel -> al-shabaab", "israel -> palestinian-islamic-jihad", "israel -> hamas"},
		},
		{
			name:   "a clause's subject is not the state its object refers back to",
			text:   "ووصل رئيس الوزراء الإثيوبي آبي أحمد إلى العاصمة الإريترية أسمرة في زيارة مفاجئة. وتتهم القاهرة هذه الدولة بتهديد أمنها المائي.",
			absent: []string{"egypt -> egypt", "egypt -> eritrea", "egypt -> ethiopia"},
		},
		{
			name: "a state named in the sentence before is the one this state refers to",
			text: "وأعلنت الخارجية المصرية أن الوزير سيتوجه إلى أنقرة الأسبوع المقبل. وكانت القاهرة قد انتقدت هذه الدولة بسبب سياساتها في ليبيا.",
			want: []string{"opposed egypt -> turkey"},
		},
		{
			name: "the two countries are the two states the sentence before named",
			text: "ووقعت مصر والسودان، الثلاثاء، اتفاقا للدفاع المشترك في الخرطوم. وأكد البلدان دعمهما للجيش الوطني الليبي. وانتقدت إثيوبيا البلدين بسبب المناورات العسكرية على حدودها.",
			want: []string{"opposed ethiopia -> egypt", "opposed ethiopia -> sudan", "supported egypt -> lna", "supported sudan -> lna"},
		},
		{
			name:   "the two countries after a preposition or three states name none",
			text:   "واستقبل الرئيس المصري نظيره السوداني بحضور وزير الخارجية الإثيوبي. وأكد البلدان دعمهما للجيش الوطني الليبي. وتحدث الوزير عن التعاون بين البلدين.",
			absent: []string{"egypt -> lna", "sudan -> lna", "ethiopia -> lna"},
		},
		{
			name:   "this man is the one person the sentence before named",
			text:   "ووصل المشير خليفة حفتر إلى القاهرة مساء الاثنين في زيارة لم يعلن عنها. وانتقدت حكومة الوفاق هذا الرجل بشدة.",
			want:   []string{"opposed gna -> khalifa-haftar"},
			absent: []string{"egypt"},
		},
		{
			name:   "this man after two persons names neither",
			text:   "واستقبل الرئيس عبد الفتاح السيسي المشير خليفة حفتر في القاهرة. وانتقدت حكومة الوفاق هذا الرجل بشدة.",
			absent: []string{"opposed gna ->"},
		},
		{
			// A dual anaphor ending the sentence after a name used to
			// index past the sentence's tokens (coordinated).
			name: "the two sides at the end of a sentence",
			text: "والتقى الرئيس عبد الفتاح السيسي الفريق أول عبد الفتاح البرهان في القاهرة. وانتقدت إثيوبيا الجانبين.",
			want: []string{"met abdel-fattah-el-sisi -> abdel-fattah-al-burhan"},
		},
		{
			name:   "a plural after a demonstrative is a generic noun",
			text:   "وأعلن تنظيم داعش مسؤوليته عن التفجير. وقال الرئيس إن بلاده ستواصل محاربة هذه الجماعات.",
			absent: []string{"-> isis"},
		},
		{
			name:   "a kingdom named in passing does not take the home state's place",
			text:   "استقبل ولي العهد السعودي في الرياض وزير الخارجية الأمريكي. وأكدت السعودية خلال اللقاء موقفها. وكان الوزير قد زار الأردن أمس. وأعلنت المملكة دعمها للحكومة اليمنية.",
			want:   []string{"supported saudi-arabia -> yemeni-government"},
			absent: []string{"supported jordan ->"},
		},
		{
			name:   "a kingdom named in the same sentence is the one meant",
			text:   "وتحدثت السعودية عن أمن الخليج. والتقى ملك الأردن عبد الله الثاني وزير الخارجية المصري، وأعلن أن المملكة تدعم الحكومة اليمنية.",
			want:   []string{"supported jordan -> yemeni-government"},
			absent: []string{"supported saudi-arabia -> yemeni-government"},
		},
		{
			name:   "his country after an object names the subject's state",
			text:   "وأبلغ الرئيس عبد الفتاح السيسي رئيس الوزراء الإثيوبي آبي أحمد، خلال لقائهما في القاهرة، رفض بلاده أي إجراءات أحادية في النيل. وقال الرئيس التركي رجب طيب أردوغان خلال لقائه الرئيس فلاديمير بوتين إن بلاده ترفض سياسات إيران في المنطقة.",
			want:   []string{"opposed turkey -> iran"},
			absent: []string{"-> egypt", "-> ethiopia", "opposed russia -> iran"},
		},
		{
			name: "his country after a relative pronoun about the object names the object's state",
			text: "واستقبل الرئيس رجب طيب أردوغان الرئيس فلاديمير بوتين الذي أكد أن بلاده تدعم الحكومة السورية.",
			want: []string{"supported russia -> syrian-government"},
		},
		{
			name:   "a name after a rank that is part of a person's name the article gave is that person",
			text:   "واستقبل العاهل الأردني الملك عبد الله الثاني في عمان وزير الخارجية المصري سامح شكري. وانتقد الملك عبد الله إسرائيل بشدة.",
			want:   []string{"opposed king-abdullah-ii -> israel"},
			absent: []string{"discovered-"},
		},
		{
			name:   "a nisba surname stands for its person where no noun precedes it",
			text:   "وكان رئيس الوزراء العراقي محمد شياع السوداني قد التقى محمد بن سلمان. وانتقد الجيش السوداني قوات الدعم السريع. واستقبل السوداني كلا من: السفير كمال طلعت، والسفير نزار حمدي.",
			want:   []string{"met mohammed-shia-al-sudani -> " + kamal, "opposed saf -> rsf"},
			absent: []string{"sudan ->"},
		},
		{
			name:   "a father's name after بن starts no discovered name of its own",
			text:   "والتقى الرئيس رجب طيب أردوغان وزير الدولة العماني دهام بن حمد آل الراشدي في أنقرة.",
			absent: []string{DiscoveredID(graph.KindPerson, arabic.Normalize("حمد آل الراشدي"))},
		},
		{
			name:   "a capital after the capital noun and a state's adjective is a place",
			text:   "وصل الرئيس رجب طيب أردوغان إلى العاصمة الإثيوبية أديس أبابا في زيارة رسمية التقى خلالها رئيس الوزراء آبي أحمد.",
			want:   []string{"met recep-tayyip-erdogan -> abiy-ahmed"},
			absent: []string{"ethiopia"},
		},
		{
			name:   "a body with ل inside a title set off before a name only says whom the person serves",
			text:   "وتلقى وزير الخارجية أحمد عطاف اتصالا هاتفيا من الممثل السامي للاتحاد الأوروبي للشؤون الخارجية، جوزيب بوريل.",
			want:   []string{"met ahmed-attaf -> josep-borrell"},
			absent: []string{"-> eu"},
		},
		{
			name:   "a foreign name after a rank, a state adjective and the state of posting is discovered",
			text:   "واستقبل مسرور بارزاني في أربيل السفير الروسي لدى العراق غيرمان زاخاروفيتش والوفد المرافق له. واعتبرت الكويت السفير الإيراني شخصا غير مرغوب فيه.",
			want:   []string{"met masrour-barzani -> " + DiscoveredID(graph.KindPerson, arabic.Normalize("غيرمان زاخاروفيتش"))},
			absent: []string{"-> russia", "-> iraq", "kuwait -> discovered"},
		},
		{
			name: "a name after a rank is discovered",
			text: "استقبل الرئيس عبد الفتاح السيسي اليوم اللواء كمال طلعت، وبحث معه التطورات.",
			want: []string{"met abdel-fattah-el-sisi -> " + kamal},
		},
		{
			name: "a one-word title alone names the person the article introduced with it",
			text: "واستقبل الرئيس عبد الفتاح السيسي في القاهرة المشير خليفة حفتر. وأشاد الرئيس بجهود حكومة الوفاق في تثبيت الهدنة.",
			want: []string{"supported abdel-fattah-el-sisi -> gna"},
		},
		{
			name: "the head of a title with an adjective names its holder too",
			text: "وتلقى الرئيس التركي رجب طيب أردوغان اتصالا من أمير قطر. وأكد الرئيس دعمه لحكومة الوفاق.",
			want: []string{"supported recep-tayyip-erdogan -> gna"},
		},
		{
			name:   "a one-word title two persons of the article bore names neither",
			text:   "والتقى الرئيس عبد الفتاح السيسي الرئيس إيمانويل ماكرون في باريس. وأكد الرئيس دعمه لحكومة الوفاق.",
			absent: []string{"-> gna"},
		},
		{
			name:   "a one-word title before a definite complement is another title",
			text:   "واستقبل الرئيس عبد الفتاح السيسي المشير خليفة حفتر. وانتقد الرئيس الأمريكي إسرائيل بشدة.",
			absent: []string{"abdel-fattah-el-sisi -> israel"},
		},
		{
			name: "a delegation named with its leader is met in the next sentence",
			text: "ووصل إلى القاهرة وفد من حركة حماس برئاسة إسماعيل هنية، اليوم الأحد. والتقى الوفد الرئيس عبد الفتاح السيسي في قصر الاتحادية.",
			want: []string{"met ismail-haniyeh -> abdel-fattah-el-sisi"},
		},
		{
			name: "a leader at the head of a delegation",
			text: "ووصل إسماعيل هنية إلى القاهرة على رأس وفد من الحركة. واستقبل الرئيس عبد الفتاح السيسي الوفد في قصر الاتحادية.",
			want: []string{"met abdel-fattah-el-sisi -> ismail-haniyeh"},
		},
		{
			name:   "the delegation noun with an adjective is another delegation",
			text:   "ووصل إلى القاهرة وفد من حركة حماس برئاسة إسماعيل هنية. والتقى الوفد المصري الرئيس الفلسطيني محمود عباس.",
			absent: []string{"ismail-haniyeh -> mahmoud-abbas"},
		},
		{
			name: "a statement acts for the author the article named with it",
			text: "وقالت وزارة الخارجية التركية في بيان إن أنقرة تتابع التطورات عن كثب. وانتقد البيان إسرائيل بشدة.",
			want: []string{"opposed turkey-foreign-ministry -> israel"},
		},
		{
			name: "the author after the statement word",
			text: "وصدر بيان عن الرئاسة الفلسطينية مساء أمس. وأدان البيان الهجمات التي تشنها إسرائيل على غزة.",
			want: []string{"opposed palestinian-presidency -> israel"},
		},
		{
			name:   "a joint or final statement is another statement",
			text:   "وقالت وزارة الخارجية التركية في بيان إن أنقرة تتابع التطورات. وانتقد البيان الختامي للقمة إسرائيل بشدة.",
			absent: []string{"turkey-foreign-ministry -> israel"},
		},
		{
			name: "the two sides of the last meeting each act",
			text: "واستقبل الرئيس عبد الفتاح السيسي في القاهرة الرئيس الفرنسي إيمانويل ماكرون. وأكد الجانبان دعمهما لحكومة الوحدة الوطنية.",
			want: []string{"supported abdel-fattah-el-sisi -> gnu", "supported emmanuel-macron -> gnu"},
		},
		{
			name:   "what lies between the two sides is no act of theirs",
			text:   "واستقبل الرئيس عبد الفتاح السيسي في القاهرة الرئيس الفرنسي إيمانويل ماكرون. وبحث اللقاء تعزيز التعاون بين الجانبين.",
			absent: []string{"supported"},
		},
		{
			name: "the title a gazetteer name opens names its holder later",
			text: "وأجرى ولي العهد السعودي الأمير محمد بن سلمان اتصالا هاتفيا بالرئيس رجب طيب أردوغان. وأشاد ولي العهد خلال الاتصال بدور قطر في الوساطة.",
			want: []string{"supported mohammed-bin-salman -> qatar"},
		},
		{
			name: "a commander's forces are his own",
			text: "وأكد المشير خليفة حفتر أن قواته هاجمت مواقع حكومة الوفاق جنوب العاصمة.",
			want: []string{"opposed khalifa-haftar -> gna"},
		},
		{
			name: "a state official's forces are his state's",
			text: "وقال وزير الدفاع التركي خلوصي أكار إن قواته قصفت مواقع حزب العمال الكردستاني.",
			want: []string{"opposed turkey -> pkk"},
		},
		{
			name: "a name at the end of a title, starting with a first name",
			text: "والتقى الملك عبدالله الثاني وزير الدولة لشؤون الاستثمار، كمال طلعت.",
			want: []string{"met king-abdullah-ii -> " + kamal},
		},
		{
			name:   "على is no first name",
			text:   "وأكد وزير الخارجية على أهمية التعاون مع مصر.",
			absent: []string{"discovered"},
		},
		{
			name: "a definite surname names the person the article named in full",
			text: "وصل وزير الخارجية السوري وليد المعلم إلى طهران مساء الأحد. والتقى المعلم، اليوم، نظيره الإيراني محمد جواد ظريف.",
			want: []string{"met walid-muallem -> javad-zarif"},
		},
		{
			name: "another surname after a title",
			text: "وشدد رئيس مجلس النواب نبيه بري على وحدة الموقف. واستقبل الرئيس بري في عين التينة وزير الخارجية الإيراني حسين أمير عبد اللهيان.",
			want: []string{"met nabih-berri -> hossein-amir-abdollahian"},
		},
		{
			name: "a surname of two words after عبد",
			text: "وأكد رئيس المجلس الوطني الانتقالي مصطفى عبد الجليل أن المرحلة صعبة. والتقى عبد الجليل في بنغازي الرئيس الفرنسي نيكولا ساركوزي.",
			want: []string{"met mustafa-abdul-jalil -> nicolas-sarkozy"},
		},
		{
			name:   "a surname without a title is a common word",
			text:   "وتحدث رئيس مجلس النواب نبيه بري عن الجنوب. وهدد نتنياهو بهجوم بري على لبنان.",
			absent: []string{"nabih-berri -> lebanon", "benjamin-netanyahu -> nabih-berri"},
		},
		{
			name:   "a body in a title before a rank and a name describes the person",
			text:   "واستقبل الرئيس ميشال عون القائد العام لقوات اليونيفل اللواء أرولدو لاثارو.",
			want:   []string{"met michel-aoun -> aroldo-lazaro"},
			absent: []string{"michel-aoun -> unifil"},
		},
		{
			name:   "بلاده: the state a minister's ministry belongs to",
			text:   "وأشاد وزير الخارجية السوري وليد المعلم خلال اللقاء بالدعم الروسي لبلاده في مكافحة الإرهاب.",
			want:   []string{"supported russia -> syria"},
			absent: []string{"walid-muallem -> syria"},
		},
		{
			name:   "a title's head with its complement made definite names the person",
			text:   "واستقبل رئيس مجلس النواب نبيه بري السفير الفرنسي. كما استقبل رئيس المجلس وزير الخارجية الإيراني حسين أمير عبد اللهيان. والتقى رئيس المجلس العسكري الفريق كمال طلعت.",
			want:   []string{"met nabih-berri -> hossein-amir-abdollahian"},
			absent: []string{"nabih-berri -> " + kamal},
		},
		{
			name: "الوزارة names the ministry the article named last",
			text: "وأصدرت وزارة الخارجية الكويتية بيانا مساء اليوم. وأدانت الوزارة بأشد العبارات الهجوم الحوثي على المنشآت المدنية.",
			want: []string{"opposed kuwait-foreign-ministry -> houthis"},
		},
		{
			name: "a rank alone after a title is no name: the title names its holder",
			text: "واستقبل ولي العهد السعودي الأمير محمد بن سلمان الرئيس الفرنسي إيمانويل ماكرون. وأطلع الرئيس الفرنسي الأمير على نتائج اتصاله بالرئيس فلاديمير بوتين.",
			want: []string{"met emmanuel-macron -> vladimir-putin"},
		},
		{
			name: "a title names the person it introduced earlier in the article",
			text: "وصل وزير الخارجية الإيراني محمد جواد ظريف إلى بيروت. واستقبل حسن نصرالله وزير الخارجية الإيراني في الضاحية.",
			want: []string{"met hassan-nasrallah -> javad-zarif"},
		},
		{
			name:      "a role title names its holder on the article's date",
			text:      "واستقبل الرئيس المصري في القاهرة المشير خليفة حفتر.",
			published: "2019-05-01",
			want:      []string{"met abdel-fattah-el-sisi -> khalifa-haftar"},
		},
		{
			name:      "another date, another holder",
			text:      "واستقبل الرئيس المصري في القاهرة الرئيس الفلسطيني محمود عباس.",
			published: "2012-10-01",
			want:      []string{"met mohamed-morsi -> mahmoud-abbas"},
		},
		{
			name:   "a role title without a date names nobody",
			text:   "واستقبل الرئيس المصري في القاهرة المشير خليفة حفتر.",
			absent: []string{"met abdel-fattah-el-sisi -> khalifa-haftar"},
		},
		{
			name:   "without a date, a role title names the one holder the article named",
			text:   "وأشاد الرئيس عبد الفتاح السيسي بالعلاقات مع ليبيا. واستقبل الرئيس المصري في القاهرة المشير خليفة حفتر.",
			want:   []string{"met abdel-fattah-el-sisi -> khalifa-haftar"},
			absent: []string{"mohamed-morsi"},
		},
		{
			name: "the date of the text (its address)",
			text: "URL: https://example.org/news/2019/05/01/story\n\nواستقبل الرئيس المصري في القاهرة المشير خليفة حفتر.",
			want: []string{"met abdel-fattah-el-sisi -> khalifa-haftar"},
		},
		{
			name:   "the adversary is not the one supported",
			text:   "وتسلح الإمارات قوات الدعم السريع في وجه الجيش السوداني",
			want:   []string{"supported uae -> rsf"},
			absent: []string{"-> saf"},
		},
		{
			name: "a name in apposition between commas stays in its clause",
			text: "وكان وزير الخارجية الأميركي، مايك بومبيو، قد حذر إيران من رد حاسم",
			want: []string{"opposed mike-pompeo -> iran"},
		},
		{
			name: "a frame's subject is the relative pronoun's antecedent, whatever its preposition",
			text: "وانتقد البيان تصرفات للجيش السوداني الذي يشن هجمات على قوات الدعم السريع",
			want: []string{"opposed saf -> rsf"},
		},
		{
			name: "each actor of a كل من list separated by commas is a subject",
			text: "وأعربت كل من منظمة التعاون الإسلامي، مجلس التعاون الخليجي، البرلمان العربي، إدانتها الشديدة للعملية الحوثية",
			want: []string{"opposed oic -> houthis", "opposed gcc -> houthis"},
		},
		{
			name: "a definite army word ends the title of the person after it",
			text: "واستقبل قائد الجيش الفريق أول عبد الفتاح البرهان في بورتسودان اليوم رمطان لعمامرة.",
			want: []string{"met abdel-fattah-al-burhan -> ramtane-lamamra"},
		},
		{
			name:   "an army word without the article still owns the person after it",
			text:   "وهاجمت قوات عبد الفتاح البرهان مواقع قوات الدعم السريع.",
			absent: []string{"abdel-fattah-al-burhan ->"},
		},
		{
			name: "a long title with a rank and a complement after a preposition",
			text: "واستقبل رئيس مجلس السيادة القائد العام للقوات المسلحة الفريق أول الركن عبد الفتاح البرهان، بمكتبه اليوم، السيد رمطان لعمامرة.",
			want: []string{"met abdel-fattah-al-burhan -> ramtane-lamamra"},
		},
		{
			name:      "a long aside of time and place between the subject and the object",
			text:      "واستقبل رئيس المجلس الرئاسي الليبي، محمد المنفي، مساء أمس الثلاثاء في مقر المجلس بالعاصمة طرابلس، المبعوثة الخاصة للأمين العام للأمم المتحدة إلى ليبيا، هانا تيتيه.",
			published: "2025-06-10",
			want:      []string{"met mohamed-al-menfi -> hanna-tetteh"},
		},
		{
			name:   "an aside that names an actor is no aside",
			text:   "واستقبل الرئيس عبد الفتاح السيسي، بحضور رئيس الوزراء مصطفى مدبولي، المشير خليفة حفتر.",
			absent: []string{"abdel-fattah-el-sisi -> mostafa-madbouly"},
		},
		{
			name:      "a former holder's title names nobody on the article's date",
			text:      "وانتقد الرئيس الأمريكي السابق إيران بشدة خلال مؤتمر انتخابي.",
			published: "2024-03-01",
			absent:    []string{"joe-biden ->"},
		},
		{
			name:      "the title of the day names its holder",
			text:      "وانتقد الرئيس الأمريكي إيران بشدة خلال مؤتمر صحفي.",
			published: "2024-03-01",
			want:      []string{"opposed joe-biden -> iran"},
		},
		{
			name:      "a president-elect is not the president of the day",
			text:      "وهاجم الرئيس الأمريكي المنتخب الصين في خطاب أمام أنصاره.",
			published: "2024-12-01",
			absent:    []string{"joe-biden ->"},
		},
		{
			name:      "an office's head before the owner's formal name names the holder of the day",
			text:      "واجتمع وزير الخارجية العماني بدر البوسعيدي بوزير خارجية جمهورية إيران الإسلامية في طهران اليوم.",
			published: "2023-10-17",
			want:      []string{"met badr-albusaidi -> hossein-amir-abdollahian"},
			absent:    []string{"-> iran"},
		},
		{
			name:      "an office's head before a state noun and the owner's name",
			text:      "وبحث رئيس وزراء دولة قطر في اتصال هاتفي مع الرئيس الأمريكي جو بايدن الأوضاع في غزة.",
			published: "2023-11-20",
			want:      []string{"met mohammed-bin-abdulrahman-al-thani -> joe-biden"},
		},
		{
			name:      "the owner's own adjective after its name belongs to the title",
			text:      "وهاجم محمد عبد السلام، المتحدث الرسمي باسم جماعة أنصار الله الحوثية، أمس، الولايات المتحدة.",
			published: "2024-01-15",
			want:      []string{"opposed mohammed-abdulsalam -> usa"},
			absent:    []string{"-> houthis"},
		},
		{
			name:      "a counterpart is the holder of the subject's office in the adjective's state",
			text:      "والتقى وزير الخارجية الإيراني في مسقط اليوم نظيره العماني وبحث معه الملف النووي.",
			published: "2023-02-28",
			want:      []string{"met hossein-amir-abdollahian -> badr-albusaidi"},
		},
		{
			name:      "a counterpart of a person named without a title",
			text:      "واستقبل سامح شكري نظيره المغربي في قصر التحرير بالقاهرة.",
			published: "2019-03-10",
			want:      []string{"met sameh-shoukry -> nasser-bourita"},
		},
		{
			name:      "a counterpart named after the word is that person",
			text:      "واستقبل سامح شكري نظيره المغربي صلاح الدين مزوار في القاهرة.",
			published: "2019-03-10",
			want:      []string{"met sameh-shoukry -> salaheddine-mezouar"},
			absent:    []string{"nasser-bourita"},
		},
		{
			name:      "a counterpart of a person holding two offices is the one the state has",
			text:      "واستقبل الأمير محمد بن سلمان في جدة نظيره الباكستاني وبحث معه العلاقات.",
			published: "2025-09-17",
			want:      []string{"met mohammed-bin-salman -> shehbaz-sharif"},
		},
		{
			name:      "no counterpart without a known office before it",
			text:      "واستقبل اللواء كمال طلعت نظيره المغربي في القاهرة.",
			published: "2019-03-10",
			absent:    []string{"nasser-bourita", "saadeddine-othmani"},
		},
		{
			name:   "a meeting that dates another clause pairs no topic with its subjects",
			text:   "وتقترب حكومة مالي من التعاقد مع مرتزقة الفاغنر، وفي اجتماع في أوسلو أكد وزراء دفاع دول أوروبية من بينها فرنسا وألمانيا أن ذلك غير مقبول.",
			absent: []string{"met wagner", "met mali"},
		},
		{
			name: "a meeting after في with its partner marked by مع",
			text: "وحذر وزير الخارجية الأمريكي مايك بومبيو، في اتصال هاتفي مع وزير الخارجية المصري سامح شكري، من إطالة أمد الصراع.",
			want: []string{"met mike-pompeo -> sameh-shoukry"},
		},
		{
			name:      "an attendee of a third side meets the guest, not the host",
			text:      "واستقبل رئيس مجلس القيادة الرئاسي رشاد العليمي في عدن السفير محمد آل جابر، بحضور عضو المجلس عيدروس الزبيدي.",
			published: "2023-05-02",
			want:      []string{"met mohammed-al-jaber -> aidarous-al-zubaidi"},
			absent:    []string{"rashad-al-alimi -> aidarous-al-zubaidi", "aidarous-al-zubaidi -> rashad-al-alimi"},
		},
		{
			name:      "a delegation's head introduced with his title and rank meets the host",
			text:      "واستقبل رئيس الوزراء العراقي مصطفى الكاظمي في بغداد الوفد الأمريكي الذي ترأسه منسق البيت الأبيض لشؤون الشرق الأوسط السيد بريت ماكغورك.",
			published: "2021-07-27",
			want:      []string{"met mustafa-al-kadhimi -> brett-mcgurk"},
		},
		{
			name:   "companions in a meeting did not meet the one they accompany",
			text:   "ورافق أردوغان في اللقاء وزير الخارجية التركي هاكان فيدان، ورئيس جهاز الاستخبارات الوطني إبراهيم قالن.",
			absent: []string{"recep-tayyip-erdogan -> hakan-fidan", "recep-tayyip-erdogan -> ibrahim-kalin"},
		},
		{
			name:      "a bare definite meeting noun refers back to the reported meeting",
			text:      "والتقى الرئيس رجب طيب أردوغان نظيره السوري أحمد الشرع في الدوحة. ورافق أردوغان في اللقاء هاكان فيدان، بينما حضر اللقاء من الجانب السوري أسعد الشيباني.",
			published: "2025-09-15",
			want:      []string{"met recep-tayyip-erdogan -> asaad-al-shaibani"},
		},
		{
			name:      "members of a delegation after ضم meet the host; attendees of their side meet the host only",
			text:      "واستقبل الرئيس جوزاف عون في بعبدا الوفد الأمريكي الذي ضم السيناتور ليندسي غراهام والنائب جون ويلسون، في حضور السفيرة الأمريكية ليزا جونسون.",
			published: "2025-07-28",
			want: []string{"met joseph-aoun -> lindsey-graham", "met joseph-aoun -> " + DiscoveredID(graph.KindPerson, arabic.Normalize("جون ويلسون")),
				"met joseph-aoun -> lisa-johnson"},
			absent: []string{DiscoveredID(graph.KindPerson, arabic.Normalize("جون ويلسون")) + " -> lisa-johnson"},
		},
		{
			name:   "a name's word with its common-sense adjective names no actor",
			text:   "وشنت حركة الشباب هجوما مباغتا على مقر القاعدة العسكرية قرب المطار",
			absent: []string{"-> al-qaeda"},
		},
		{
			name:   "a feminine nisba before a definite noun is a noun, no state",
			text:   "وأبلغ الرئيس الفرنسي إيمانويل ماكرون نظيره الجزائري عبد المجيد تبون بقرار بلاده دعم مغربية الصحراء.",
			absent: []string{"morocco ->"},
		},
		{
			name:      "a title with a conjunct noun and its complement is no distance to the name",
			text:      "وبحث وزير الخارجية اليمني شائع الزنداني، أمس، مع وزير الشؤون الخارجية والتعاون الأفريقي والمغاربة في الخارج السيد ناصر بوريطة التطورات في المنطقة.",
			published: "2024-05-05",
			want:      []string{"met shaya-al-zindani -> nasser-bourita"},
		},
		{
			name: "a trigger noun joined to a title by و is part of the title",
			text: "واستقبل الأمير فيصل بن فرحان في الرياض وزيرة الخارجية والعلاقات الدولية بمملكة ليسوتو السيدة متسيبو راماكواي.",
			want: []string{"met faisal-bin-farhan -> " + DiscoveredID(graph.KindPerson, arabic.Normalize("متسيبو راماكواي"))},
		},
		{
			name:      "a person's name after a place noun and a title is the place's",
			text:      "وقد كان في استقبال رئيس الوزراء الباكستاني بمطار الملك خالد الدولي، الأمير فيصل بن سلطان، نائب أمير منطقة الرياض.",
			published: "2024-04-10",
			want:      []string{"met shehbaz-sharif -> " + DiscoveredID(graph.KindPerson, arabic.Normalize("فيصل بن سلطان"))},
			absent:    []string{DiscoveredID(graph.KindPerson, arabic.Normalize("خالد الدولي"))},
		},
		{
			name:      "a first name the gazetteer form lacks belongs to the person's mention",
			text:      "والتقى ولي العهد السعودي الأمير محمد بن سلمان برئيس وزراء باكستان محمد شهباز شريف في جدة.",
			published: "2025-09-17",
			want:      []string{"met mohammed-bin-salman -> shehbaz-sharif"},
		},
		{
			name: "asides in a row keep the clause going",
			text: "واستقبل الأمير فيصل بن فرحان وزير الخارجية، في مقر الوزارة، بالرياض اليوم، معالي وزيرة الخارجية والعلاقات الدولية بمملكة ليسوتو السيدة متسيبو راماكواي.",
			want: []string{"met faisal-bin-farhan -> " + DiscoveredID(graph.KindPerson, arabic.Normalize("متسيبو راماكواي"))},
		},
		{
			name:   "an actor after an affiliation participle describes a generic group",
			text:   "وقال روبيو إن جماعات الميليشيا المتحالفة مع إيران شنت هجمات على السفارة الأمريكية في بغداد.",
			absent: []string{"opposed iran ->"},
		},
		{
			name:   "a one-word name after a place noun and a word of its name is the place's",
			text:   "وهاجمت فصائل موالية لإيران قاعدة عين الأسد التي تستضيف القوات الأمريكية.",
			absent: []string{"bashar-al-assad"},
		},
		{
			name:      "a title with ل after an envoy's title is the envoy's principal, not an actor",
			text:      "والتقى موسى أبو مرزوق في موسكو المبعوث الخاص للرئيس الروسي إلى الشرق الأوسط ميخائيل بوغدانوف.",
			published: "2023-10-26",
			want:      []string{"met mousa-abu-marzouk -> mikhail-bogdanov"},
			absent:    []string{"vladimir-putin"},
		},
		{
			name:      "a meeting continued in the next sentence keeps its first participants",
			text:      "والتقى وزير الخارجية الروسي سيرغي لافروف في موسكو رئيس المكتب السياسي لحركة حماس إسماعيل هنية. وناقش لافروف مع قياديي حماس الأوضاع في غزة. وحضر اللقاء من الجانب الروسي نائب وزير الخارجية ميخائيل بوغدانوف.",
			published: "2020-03-02",
			want:      []string{"met ismail-haniyeh -> mikhail-bogdanov"},
			absent:    []string{"met hamas -> mikhail-bogdanov"},
		},
		{
			name:      "a capital after a place noun is a place",
			text:      "ووصل رئيس الوزراء الإثيوبي إلى السودان. وكان في استقباله لدى وصوله مطار الخرطوم الدولي رئيس الوزراء عبد الله حمدوك.",
			published: "2019-12-01",
			want:      []string{"met abdalla-hamdok -> abiy-ahmed"},
			absent:    []string{"-> sudan", "sudan ->"},
		},
		{
			name:      "companions of an earlier trip did not join the reported meeting",
			text:      "واستقبل الرئيس السوري أحمد الشرع في دمشق وزير الخارجية التركي هاكان فيدان. وكان فيدان قد زار دمشق في آذار الماضي برفقة وزير الدفاع التركي يشار غولر.",
			published: "2025-08-07",
			want:      []string{"met ahmed-al-sharaa -> hakan-fidan"},
			absent:    []string{"yasar-guler"},
		},
		{
			name:      "a dash before the leader's rank keeps the delegation's head word",
			text:      "واستقبل رئيس المجلس العسكري في النيجر العميد عبد الرحمن تياني وفدا روسيا برئاسة نائب وزير الدفاع الروسي - العقيد يونس بك يفكوروف.",
			published: "2024-06-03",
			want:      []string{"met abdourahamane-tchiani -> yunus-bek-yevkurov"},
		},
		{
			name: "a learnt surname right after a verb is its subject",
			text: "وقال الناطق باسم قوات الدعم السريع الفاتح قرشي إن قواته تتقدم في كردفان. واتهم قرشي الجيش السوداني بقصف الأسواق.",
			want: []string{"opposed al-fatih-qurashi -> saf"},
		},
		{
			name:   "a learnt surname that is also a first name, after a perfect auxiliary",
			text:   "تصل رئيسة الوزراء الإيطالية جورجيا ميلوني إلى تونس تلبية لدعوة من الرئيس التونسي قيس سعيد. وكان سعيد دعا، الشهر الماضي، خلال لقائه وزير الداخلية الإيطالي ماتيو بيانتيدوزي، إلى مؤتمر حول الهجرة.",
			want:   []string{"met kais-saied -> matteo-piantedosi"},
			absent: []string{"giorgia-meloni -> matteo-piantedosi"},
		},
		{
			name:   "a first name the article learnt as a surname starts another name when a name goes on",
			text:   "استقبل الرئيس التونسي قيس سعيد وزير الداخلية الإيطالي ماتيو بيانتيدوزي. وكان سعيد حمدون التقى وزير الخارجية الإيطالي أنطونيو تاياني.",
			want:   []string{"met kais-saied -> matteo-piantedosi"},
			absent: []string{"kais-saied -> antonio-tajani"},
		},
		{
			name:   "a state's junta and security forces are organisations of their own",
			text:   "وهددت مجموعة إيكواس باتخاذ إجراءات عسكرية ضد المجلس العسكري الحاكم في نيامي. واندلعت اشتباكات بين حركة الشباب وقوات الأمن الصومالية جنوب مقديشو.",
			want:   []string{"opposed ecowas -> cnsp-niger", "opposed al-shabaab -> somali-security-forces", "opposed somali-security-forces -> al-shabaab"},
			absent: []string{"-> niger", "-> somalia", "somalia ->"},
		},
		{
			name:   "a state after a broadcaster's word names the broadcaster",
			text:   "ونقل تلفزيون الصين المركزي أن الرئيس الصيني أجرى محادثات هاتفية مع ولي العهد السعودي.",
			absent: []string{"china"},
		},
		{
			name:   "a name that is also a common noun, before a feminine adjective, is the noun",
			text:   "وهاجم مسلحو حركة الشباب القاعدة العسكرية التي تتمركز فيها قوات الاتحاد الأفريقي.",
			absent: []string{"al-qaeda"},
		},
		{
			name: "the same name without the adjective is the actor",
			text: "وقاتلت حركة الشباب القاعدة في جنوب الصومال.",
			want: []string{"opposed al-shabaab -> al-qaeda"},
		},
		{
			name:   "a capital a strike hits is the city, not the state",
			text:   "وشنت الولايات المتحدة غارات جوية جديدة على صنعاء. وأعلنت جماعة الحوثي قصف صنعاء بعد انتهاء الهدنة. وتحدث البيان عن غارات أميركية مكثفة على صنعاء.",
			absent: []string{"-> yemen"},
		},
		{
			name: "a capital sanctions target is the state",
			text: "وفرضت الولايات المتحدة عقوبات جديدة على طهران.",
			want: []string{"opposed usa -> iran"},
		},
		{
			name: "a bracket with another name of the verb's subject keeps the clause going",
			text: "هدد قادة المجموعة الاقتصادية لدول غرب أفريقيا (إيكواس)، باتخاذ خطوات عسكرية ضد المجلس العسكري في النيجر.",
			want: []string{"opposed ecowas -> cnsp-niger"},
		},
		{
			name:   "a bracket after a preposition's actor still ends the clause",
			text:   "ويقال إن حفتر المتهم بالتعاون مع وكالة الاستخبارات المركزية الأمريكية (سي آي إيه)، كان قد قاد أنشطة ضد القذافي أثناء إقامته في أمريكا.",
			absent: []string{"cia -> muammar-gaddafi"},
		},
		{
			name:   "a group noun with a state's adjective names the one group of that head and state the article named",
			text:   "وحذرت فرنسا من أي اتفاق مع مجموعة فاغنر الروسية. وانتقدت الجزائر المجموعة الروسية بشدة.",
			want:   []string{"opposed algeria -> wagner"},
			absent: []string{"algeria -> russia"},
		},
		{
			name:   "without such a group named, the adjective is the state's",
			text:   "وانتقدت الجزائر المجموعة الروسية بشدة.",
			absent: []string{"wagner"},
		},
		{
			name: "an honorific pronoun after the opening verb is the previous sentence's subject",
			text: "استقبل الرئيس عبد الفتاح السيسي المبعوث رمطان لعمامرة في القاهرة. وقال سيادته إن الحكومة ترحب بكل مبادرة، مشيدا بجهود رمطان لعمامرة.",
			want: []string{"supported abdel-fattah-el-sisi -> ramtane-lamamra"},
		},
		{
			name: "a kingdom named earlier",
			text: "أعلن المغرب موقفه من الأزمة. وقررت المملكة قطع علاقاتها مع إيران.",
			want: []string{"opposed morocco -> iran"},
		},
	}
}

// entityCase is a test article and the claims it must and must not give.
type entityCase struct {
	name      string
	text      string
	published string
	want      []string // "type source -> target", any rule
	absent    []string // substrings no claim may hold
}

// runEntityCases extracts each case's text and checks its claims.
func runEntityCases(t *testing.T, x *Extractor, tests []entityCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := graph.Article{ID: "t", Text: tc.text}
			if tc.published != "" {
				d, err := time.Parse("2006-01-02", tc.published)
				if err != nil {
					t.Fatal(err)
				}
				a.Published = d
			}
			_, claims, err := x.Extract(context.Background(), a)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range claims {
				got = append(got, strings.ToLower(string(c.Type))+" "+c.Source+" -> "+c.Target)
			}
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("got %q, want it to hold %q", got, w)
				}
			}
			for _, n := range tc.absent {
				for _, g := range got {
					if strings.Contains(g, n) {
						t.Errorf("got %q, want nothing with %q", got, n)
					}
				}
			}
		})
	}
}

// TestDiscoveredBounded checks that an article naming more persons than
// maxDocEntities after ranks keeps at most that many in its memory.
func TestDiscoveredBounded(t *testing.T) {
	x := testExtractor(t)
	letters := []rune("بتثجحخدذرزسشصضطظعغفقكلمنهي")
	var b strings.Builder
	n := 0
	for _, l1 := range letters {
		for _, l2 := range letters {
			for _, l3 := range letters {
				if n > maxDocEntities+500 {
					break
				}
				fmt.Fprintf(&b, "والتقى الرئيس اللواء محمد %c%c%cان. ", l1, l2, l3)
				n++
			}
		}
	}
	a := x.newAnalyzer()
	var st Stats
	st.Mentions = map[string]int{}
	err := scanSentences(strings.NewReader(b.String()), x.maxBytes, func(off int, s string) error {
		return a.sentence("t", off, s, &st, func(Result) error { return nil })
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(a.doc.extra); got > maxDocEntities || got < maxDocEntities/2 {
		t.Errorf("got %d discovered persons for %d names, want at most %d (and most of them)", got, n, maxDocEntities)
	}
}
