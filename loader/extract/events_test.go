package extract

import (
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
)

// TestMeetingEvents checks meetings as events: which meetings are met,
// planned or continued, and who joins them. The sentences are written for
// the test, shaped like news.
func TestMeetingEvents(t *testing.T) {
	x := testExtractor(t)
	runEntityCases(t, x, []entityCase{
		{
			name:   "a meeting noun a participle of planning describes is planned",
			text:   "وأكد الطرفان خلال لقاء مرتقب بين أردوغان وبوتين على أهمية الحل السياسي.",
			absent: []string{"met "},
		},
		{
			name:   "an imperfect meeting verb after a travel word lies ahead",
			text:   "ويتوجه الرئيس رجب طيب أردوغان إلى موسكو، حيث يلتقي الرئيس فلاديمير بوتين ويبحث معه الملف السوري.",
			absent: []string{"met "},
		},
		{
			name:   "an imperfect meeting verb after an arrival to come lies ahead",
			text:   "ويصل أردوغان إلى موسكو مساء الثلاثاء، ويلتقي بوتين يوم الخميس في الكرملين.",
			absent: []string{"met "},
		},
		{
			name: "a perfect meeting verb after an arrival is met",
			text: "ووصل أردوغان إلى موسكو مساء الثلاثاء، حيث التقى بوتين في الكرملين.",
			want: []string{"met recep-tayyip-erdogan -> vladimir-putin"},
		},
		{
			name: "a headline's imperfect meeting verb is a report",
			text: "أردوغان يستقبل بوتين في أنقرة",
			want: []string{"met recep-tayyip-erdogan -> vladimir-putin"},
		},
		{
			name:   "talks an attendance verb follows are the meeting reported, attended",
			text:   "واستقبل أردوغان رئيس الوزراء العراقي محمد شياع السوداني في أنقرة. وأجرى الجانبان محادثات حضرها هاكان فيدان وفؤاد حسين.",
			want:   []string{"met mohammed-shia-al-sudani -> hakan-fidan", "met recep-tayyip-erdogan -> fuad-hussein"},
			absent: []string{"met recep-tayyip-erdogan -> hakan-fidan", "met mohammed-shia-al-sudani -> fuad-hussein"},
		},
		{
			name: "talks an attendance verb follows in the same sentence",
			text: "واستقبل أردوغان رئيس الوزراء العراقي محمد شياع السوداني في أنقرة، في محادثات حضرها وزير الخارجية هاكان فيدان.",
			want: []string{"met mohammed-shia-al-sudani -> hakan-fidan"},
		},
		{
			name: "a side named before the meeting attended",
			text: "واستقبل أردوغان رئيس الوزراء العراقي محمد شياع السوداني في أنقرة. وشارك من الجانب التركي في اللقاء وزير الخارجية هاكان فيدان.",
			want: []string{"met mohammed-shia-al-sudani -> hakan-fidan"},
		},
		{
			name: "a dual meeting verb takes the previous sentence's two subjects",
			text: "وشارك الرئيس رجب طيب أردوغان والرئيس فلاديمير بوتين في قمة أستانا. وتباحثا على هامشها في الملف السوري.",
			want: []string{"met recep-tayyip-erdogan -> vladimir-putin"},
		},
		{
			name:   "a negated dual meeting verb gives no meeting",
			text:   "وكان أردوغان وبوتين في سوتشي أمس. ولم يلتقيا بسبب ضيق الوقت.",
			absent: []string{"met "},
		},
		{
			name:   "a planned dual meeting verb gives no meeting",
			text:   "ووصل أردوغان وبوتين إلى سوتشي. ومن المقرر أن يلتقيا غدا في القصر.",
			absent: []string{"met "},
		},
		{
			name:   "a dual verb after what two persons said reports no meeting of its own",
			text:   "وقال أردوغان وبوتين إنهما اتفقا على الهدنة.",
			absent: []string{"met "},
		},
		{
			name: "a meeting of the two ministers' states continues their meeting; a side named before attendees is theirs",
			text: "واستقبل وزير الخارجية التركي هاكان فيدان في أنقرة وزير الخارجية العراقي فؤاد حسين. ثم ترأس الوزيران اجتماع اللجنة المشتركة بين تركيا والعراق. وحضر الاجتماع السفير كمال طلعت. ومن الجانب العراقي وكيل وزارة الخارجية السفير نزار حمدي.",
			want: []string{"met fuad-hussein -> " + DiscoveredID(graph.KindPerson, arabic.Normalize("كمال طلعت")),
				"met hakan-fidan -> " + DiscoveredID(graph.KindPerson, arabic.Normalize("نزار حمدي"))},
			absent: []string{"met iraq -> " + DiscoveredID(graph.KindPerson, arabic.Normalize("كمال طلعت")),
				"met fuad-hussein -> " + DiscoveredID(graph.KindPerson, arabic.Normalize("نزار حمدي"))},
		},
		{
			name:   "a bound title whose genitive goes on is another office",
			text:   "وقال مساعد وزير الدولة السفير كمال طلعت إن العلاقات متينة. واستقبل وزير الخارجية التركي هاكان فيدان في أنقرة وزير الخارجية العراقي فؤاد حسين. وحضر اللقاء مساعد وزير خارجية العراق السفير نزار حمدي.",
			want:   []string{"met hakan-fidan -> " + DiscoveredID(graph.KindPerson, arabic.Normalize("نزار حمدي"))},
			absent: []string{"-> " + DiscoveredID(graph.KindPerson, arabic.Normalize("كمال طلعت"))},
		},
		{
			name:   "a list after كلا من is the objects of a verb, not persons meeting each other",
			text:   "وكان رئيس المجلس، التقى اليوم كلا من سفير روسيا لدى ليبيا حيدر أغانين، وسفير بريطانيا لدى ليبيا، مارتن لونغدن.",
			absent: []string{"met aydar-aganin -> martin-longden"},
		},
		{
			name:   "attendees after حضر اللقاء do not meet each other by the noun",
			text:   "وعقد الملك عبدالله الثاني لقاء مع الأمير محمد بن سلمان في نيوم. ومن الجانب السعودي، حضر اللقاء الأمير عبدالعزيز بن سعود بن نايف وزير الداخلية، والأمير خالد بن سلمان وزير الدفاع.",
			want:   []string{"met king-abdullah-ii -> khalid-bin-salman"},
			absent: []string{"met abdulaziz-bin-saud-bin-nayef -> khalid-bin-salman"},
		},
		{
			name:   "a state with ب after a reception is the place",
			text:   "واستقبل الملك عبدالله الثاني، اليوم السبت بعمان، وزير الخارجية المغربي ناصر بوريطة.",
			want:   []string{"met king-abdullah-ii -> nasser-bourita"},
			absent: []string{"-> oman"},
		},
		{
			name: "a reception meets the arrival's companions too",
			text: "ووصل الرئيس رجب طيب أردوغان إلى الدوحة مساء اليوم، يرافقه وزير الخارجية هاكان فيدان. وكان في استقباله الأمير تميم بن حمد.",
			want: []string{"met tamim-bin-hamad -> recep-tayyip-erdogan", "met tamim-bin-hamad -> hakan-fidan"},
		},
		{
			name: "جاء ذلك خلال استقباله dates what the previous sentence's subject said",
			text: "أكد الرئيس رجب طيب أردوغان أن تركيا تسعى إلى السلام. جاء ذلك خلال استقباله الرئيس فلاديمير بوتين في أنقرة.",
			want: []string{"met recep-tayyip-erdogan -> vladimir-putin"},
		},
		{
			name:   "وذلك خلال استقباله belongs to the speaker, not to the actor of what he said",
			text:   "وأكد الرئيس رجب طيب أردوغان أن تركيا تسعى إلى السلام، وذلك خلال استقباله الرئيس فلاديمير بوتين.",
			want:   []string{"met recep-tayyip-erdogan -> vladimir-putin"},
			absent: []string{"met turkey"},
		},
		{
			name: "a senior adviser's title stands between the verb and the name",
			text: "واجتمع رشاد العليمي في الرياض مع كبير مستشاري الشؤون الأفريقية في الولايات المتحدة مسعد بولس.",
			want: []string{"met rashad-al-alimi -> massad-boulos"},
		},
		{
			name:   "actors after an unnamed titled subject are objects, not joint subjects",
			text:   "ويلتقي وزير الخارجية اليوم الخميس الرئيس رجب طيب أردوغان، ورئيس البرلمان نعمان كورتولموش.",
			absent: []string{"met recep-tayyip-erdogan ->"},
		},
		{
			name: "a meeting verb with the guest as its pronoun opening a sentence meets the arrival",
			text: "ووصل وزير الخارجية الفرنسي جان إيف لودريان إلى بيروت أمس. واستقبله رئيس مجلس النواب نبيه بري في مقره.",
			want: []string{"met nabih-berri -> jean-yves-le-drian"},
		},
		{
			name:   "a person with the host (ومعه) is his companion, not the one he received",
			text:   "أكد رشاد العليمي الحاجة إلى دعم الحكومة. جاء ذلك خلال استقباله، اليوم الأحد، ومعه عضو المجلس عثمان مجلي، السفير الأمريكي ستيفن فاجن.",
			want:   []string{"met rashad-al-alimi -> steven-fagin", "met steven-fagin -> othman-mujalli"},
			absent: []string{"met rashad-al-alimi -> othman-mujalli"},
		},
		{
			name:   "a meeting scheduled at the start of a long sentence is planned, and so are the verbs joined to it",
			text:   "ومن المقرر أن يجري الوفد الذي يضم المبعوث الروسي ألكسندر لافرنتييف وعددا من المسؤولين، مباحثات مع الرئيس أحمد الشرع، ويلتقي وزير الخارجية أسعد الشيباني.",
			absent: []string{"met "},
		},
		{
			name:   "a guest after بحضور and a long title is no next of the object list",
			text:   "واستقبل الرئيس أحمد الشرع في دمشق، المبعوث الروسي ألكسندر لافرنتييف، بحضور وزير الخارجية والمغتربين السوري أسعد الشيباني.",
			want:   []string{"met ahmed-al-sharaa -> alexander-lavrentiev", "met alexander-lavrentiev -> asaad-al-shaibani"},
			absent: []string{"met ahmed-al-sharaa -> asaad-al-shaibani"},
		},
		{
			name:   "a dialogue backed or urged is not held",
			text:   "وجدد وزير الخارجية العماني دعم بلاده الكامل لنهج الحوار لحل القضايا العالقة بين الولايات المتحدة وإيران. وعقدت المحادثات بين السودان وجنوب السودان في جوبا.",
			want:   []string{"met sudan -> south-sudan"},
			absent: []string{"met usa -> iran"},
		},
		{
			name: "a call set off after a speaker is his",
			text: "وقال الرئيس عبد الفتاح السيسي، خلال اتصال هاتفي مع الرئيس رجب طيب أردوغان، إن التهدئة ضرورية.",
			want: []string{"met abdel-fattah-el-sisi -> recep-tayyip-erdogan"},
		},
		{
			name: "a meeting set off after a speaker is his",
			text: "وأكد وزير الخارجية سامح شكري، خلال لقائه مع نظيره الأردني أيمن الصفدي في عمان، رفض التهجير.",
			want: []string{"met sameh-shoukry -> ayman-safadi"},
		},
		{
			name:   "a meeting verb in the future is planned for a meeting frame too",
			text:   "وسيجري الرئيس رجب طيب أردوغان اتصالا هاتفيا بالرئيس فلاديمير بوتين لبحث الهدنة.",
			absent: []string{"met "},
		},
		{
			name:   "a date to come set off by a comma makes the meeting planned",
			text:   "يلتقي وزير الخارجية سامح شكري نظيره الأردني أيمن الصفدي، غدا الاثنين في عمان.",
			absent: []string{"met "},
		},
		{
			name: "a date of today set off by a comma keeps the meeting held",
			text: "التقى وزير الخارجية سامح شكري نظيره الأردني أيمن الصفدي، اليوم الاثنين في عمان.",
			want: []string{"met sameh-shoukry -> ayman-safadi"},
		},
		{
			name:   "a meeting whose cancellation is announced is not met",
			text:   "وأعلن البيت الأبيض إلغاء اللقاء الذي كان مقررا بين الرئيس جو بايدن والرئيس محمود عباس في عمان.",
			absent: []string{"met "},
		},
		{
			name:   "a summit called off is not met",
			text:   "وأُلغيت القمة بين الرئيس رجب طيب أردوغان والرئيس بشار الأسد بسبب الخلافات.",
			absent: []string{"met "},
		},
		{
			name:   "a meeting put off by a verbal noun is not met",
			text:   "وقررت الخارجية إرجاء اللقاء بين وزير الخارجية سامح شكري ونظيره الأردني أيمن الصفدي.",
			absent: []string{"met "},
		},
		{
			name: "a cancellation in a clause set off before the meeting is another act's",
			text: "وبعد إلغاء الحظر، التقى الرئيس رجب طيب أردوغان الرئيس فلاديمير بوتين في سوتشي.",
			want: []string{"met recep-tayyip-erdogan -> vladimir-putin"},
		},
		{
			name: "talks held with the previous sentence's visitor as a pronoun after مع",
			text: "ووصل وزير الخارجية الروسي سيرغي لافروف إلى دمشق اليوم. وأجرى الرئيس بشار الأسد محادثات معه تناولت الأوضاع في المنطقة.",
			want: []string{"met bashar-al-assad -> sergey-lavrov"},
		},
		{
			name: "a split meeting verb takes the visitor as a pronoun after مع",
			text: "وزار الرئيس إيمانويل ماكرون بيروت أمس. وبحث الرئيس ميشال عون معه الأزمة الاقتصادية.",
			want: []string{"met michel-aoun -> emmanuel-macron"},
		},
		{
			name:   "a partner pronoun is not the previous subject when the host is of his side",
			text:   "واستقبل الرئيس بشار الأسد سيرغي لافروف في دمشق. وأجرى وزير الخارجية وليد المعلم محادثات معه.",
			absent: []string{"met bashar-al-assad -> walid-muallem", "met walid-muallem -> bashar-al-assad"},
		},
		{
			name:   "a partner pronoun after a word that is no meeting names nobody",
			text:   "ووصل وزير الخارجية الروسي سيرغي لافروف إلى دمشق اليوم. وأكد الرئيس بشار الأسد تعاون بلاده معه.",
			absent: []string{"met "},
		},
		{
			name:   "talks to be resumed are not met",
			text:   "ودعت مصر إلى استئناف المفاوضات بين السلطة الفلسطينية وإسرائيل. وأعلنت قطر استئناف المحادثات بين السودان وجنوب السودان.",
			absent: []string{"met "},
		},
		{
			name: "talks that resumed are met",
			text: "واستؤنفت المفاوضات بين السودان وجنوب السودان في جوبا.",
			want: []string{"met sudan -> south-sudan"},
		},
		{
			name: "the guest named with his title right after في استقبال",
			text: "وكان في استقبال الرئيس رجب طيب أردوغان لدى وصوله إلى الدوحة الأمير تميم بن حمد.",
			want: []string{"met tamim-bin-hamad -> recep-tayyip-erdogan"},
		},
		{
			name: "the first of the receivers of an arrival in the same sentence",
			text: "ووصل الرئيس رجب طيب أردوغان إلى الدوحة، حيث كان في مقدمة مستقبليه الأمير تميم بن حمد.",
			want: []string{"met tamim-bin-hamad -> recep-tayyip-erdogan"},
		},
		{
			name: "a reception opening a sentence without كان",
			text: "ووصل وزير الخارجية التركي هاكان فيدان إلى بغداد. وفي استقباله بالمطار وزير الخارجية فؤاد حسين.",
			want: []string{"met fuad-hussein -> hakan-fidan"},
		},
		{
			name: "a visitor introduced with his title and nationality is the subject the next sentence carries",
			text: "وزار وزير الخارجية الإيراني محمد جواد ظريف أنقرة أمس. وأجرى مباحثات مع الرئيس رجب طيب أردوغان.",
			want: []string{"met javad-zarif -> recep-tayyip-erdogan"},
		},
		{
			name:   "a meeting said to be held in the future after its noun is planned",
			text:   "وأكد وزير الخارجية الهنغاري أن اللقاء بين الرئيس فلاديمير بوتين والرئيس دونالد ترامب سيعقد في بودابست.",
			absent: []string{"met "},
		},
		{
			name: "attendees named after a relative clause set off by commas",
			text: "استقبل الرئيس رجب طيب أردوغان الرئيس فلاديمير بوتين. وحضر اللقاء، الذي استمر ساعتين في القصر الرئاسي، وزير الخارجية هاكان فيدان.",
			want: []string{"met vladimir-putin -> hakan-fidan"},
		},
		{
			name:   "a meeting noun after what a speaker reports is not the speaker's",
			text:   "وقال بسام راضي، المتحدث باسم الرئاسة، إن الرئيس أكد خلال لقائه مع الرئيس رجب طيب أردوغان ضرورة التهدئة.",
			absent: []string{"met bassam-rady"},
		},
	})
}
