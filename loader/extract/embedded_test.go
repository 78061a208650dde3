package extract

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// eventClaims returns the claims of text as "type source -> target [rule]"
// lines and as bare "type source -> target" keys.
func eventClaims(t *testing.T, x *Extractor, text string) (lines, keys []string) {
	t.Helper()
	res, _, err := x.ExtractText(context.Background(), "t", text)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		k := strings.ToLower(string(r.Claim.Type)) + " " + r.Claim.Source + " -> " + r.Claim.Target
		keys = append(keys, k)
		lines = append(lines, k+" ["+r.Rule+"]")
	}
	return lines, keys
}

// TestEmbeddedEventScope checks whole sentences, written for the test,
// where a stance word governs an event noun: the claims they must give
// and those they must never give (the event's victim as the stance's
// target, a negated support, the speaker as the attacker).
func TestEmbeddedEventScope(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		name, text  string
		want, never []string
	}{
		{"negated support over a genitive agent",
			"وقال وزير الخارجية الفرنسي، في مؤتمر صحفي بباريس، إن بلاده لا تدعم هجوم حفتر على حكومة الوفاق الوطني",
			[]string{"opposed khalifa-haftar -> gna"},
			[]string{"supported france -> khalifa-haftar", "opposed france -> khalifa-haftar", "opposed france -> gna"}},
		{"negated support, no actor hit",
			"وقالت الخارجية الروسية إن موسكو لا تدعم هجوم حفتر على العاصمة",
			nil,
			[]string{"opposed russia -> khalifa-haftar", "supported russia -> khalifa-haftar"}},
		{"refused support keeps the attack",
			"ورفضت مصر دعم العملية العسكرية التركية ضد قوات سوريا الديمقراطية شمال سوريا",
			[]string{"opposed turkey -> sdf"},
			[]string{"supported egypt -> turkey", "opposed egypt -> sdf", "supported egypt -> sdf"}},
		{"negated opposition keeps the attack",
			"ولم تعارض واشنطن العملية العسكرية التركية ضد قوات سوريا الديمقراطية",
			[]string{"opposed turkey -> sdf"},
			[]string{"opposed usa -> turkey", "opposed usa -> sdf"}},
		{"rejected attack is presupposed",
			"ورفض الرئيس المصري الهجوم الإسرائيلي على لبنان، محذرا من اتساع رقعة الصراع",
			[]string{"opposed israel -> lebanon"},
			[]string{"opposed egypt -> lebanon"}},
		{"condemned siege without its agent",
			"وأدانت تركيا الحصار المفروض على قطر منذ يونيو الماضي",
			nil,
			[]string{"opposed turkey -> qatar"}},
		{"lifting a siege",
			"وطالبت تركيا برفع الحصار المفروض على قطر دون شروط",
			nil,
			[]string{"opposed turkey -> qatar"}},
		{"condemned war without its agent",
			"وأدانت مصر بأشد العبارات الحرب على لبنان",
			nil,
			[]string{"opposed egypt -> lebanon"}},
		{"condemned siege by a relative agent",
			"وأدانت إيران الحصار الذي تفرضه إسرائيل على حماس",
			[]string{"opposed iran -> israel", "opposed israel -> hamas"},
			[]string{"opposed iran -> hamas"}},
		{"backed war on a group",
			"وأيدت مصر الحرب على حركة الشباب",
			[]string{"opposed egypt -> al-shabaab"},
			[]string{"supported egypt -> al-shabaab"}},
		{"backed operation by its agent, own noun",
			"وأعلنت روسيا تأييدها للعملية العسكرية التي تشنها سوريا ضد هيئة تحرير الشام في إدلب",
			[]string{"supported russia -> syria", "opposed syria -> hts"},
			[]string{"supported russia -> hts", "opposed russia -> syria"}},
		{"backed operation against its named patient",
			"وأيدت مصر العملية العسكرية التركية ضد حزب العمال الكردستاني",
			[]string{"supported egypt -> turkey", "opposed turkey -> pkk"},
			[]string{"supported egypt -> pkk", "opposed egypt -> pkk"}},
		{"event no stance governs",
			"وعقد مجلس الأمن جلسة طارئة لمناقشة الحملة العسكرية التركية على حزب العمال الكردستاني",
			[]string{"opposed turkey -> pkk"},
			nil},
		{"demonym agent of a stance noun",
			"دعم سعودي للعملية العسكرية التركية ضد حزب العمال الكردستاني",
			[]string{"supported saudi-arabia -> turkey", "opposed turkey -> pkk"},
			[]string{"supported saudi-arabia -> pkk"}},
		{"argumentless operation is the stance's object",
			"وفي بيان لوزارة خارجيتها، ساندت أنقرة العملية العسكرية، داعية جماعة الحوثي إلى وقف التصعيد",
			nil,
			[]string{"supported turkey -> houthis"}},
		{"the partner of a call is met, not condemned",
			"وأدان الرئيس الروسي فلاديمير بوتين بشدة، خلال المكالمة مع الرئيس الإيراني، الهجوم الإسرائيلي على لبنان",
			[]string{"opposed vladimir-putin -> israel", "opposed israel -> lebanon"},
			[]string{"opposed vladimir-putin -> lebanon", "opposed vladimir-putin -> iran"}},
		{"refusing to condemn is no condemnation",
			"ورفضت الصين في جلسة مجلس الأمن إدانة الهجوم الروسي على أوكرانيا",
			[]string{"opposed russia -> ukraine"},
			[]string{"opposed china -> russia", "opposed china -> ukraine"}},
		{"abstaining from condemning, patient with ل",
			"وامتنعت الهند عن إدانة الغزو الروسي لأوكرانيا خلال التصويت",
			[]string{"opposed russia -> ukraine"},
			[]string{"opposed india -> russia", "opposed india -> ukraine"}},
		{"condemned invasion, patient with ل",
			"وأدانت فرنسا بأشد العبارات الغزو الروسي لأوكرانيا",
			[]string{"opposed france -> russia", "opposed russia -> ukraine"},
			[]string{"opposed france -> ukraine"}},
		{"adjective after a name-shaped agent",
			"وأدانت الكويت بشدة، مساء الأحد، الهجمات الحوثية الجبانة ضد الإمارات",
			[]string{"opposed kuwait -> houthis", "opposed houthis -> uae"},
			[]string{"opposed kuwait -> uae"}},
		{"interference: the one intervened in is no target",
			"وجدد العراق في بيان لوزارة خارجيته رفض التدخل في شؤون سوريا الداخلية",
			nil,
			[]string{"opposed iraq -> syria"}},
		{"interference by a named agent",
			"ورفضت مصر بشدة التدخل التركي في الشؤون الداخلية لليبيا",
			[]string{"opposed egypt -> turkey"},
			[]string{"opposed egypt -> libya", "opposed turkey -> libya"}},
		{"rejecting any operation: the agent is opposed, nothing happened",
			"وجددت الولايات المتحدة رفضها أي عملية عسكرية تركية ضد قوات سوريا الديمقراطية",
			[]string{"opposed usa -> turkey"},
			[]string{"opposed usa -> sdf", "opposed turkey -> sdf"}},
		{"an expected operation states no relation of its own",
			"وتعارض واشنطن العملية العسكرية التركية المرتقبة ضد قوات سوريا الديمقراطية",
			[]string{"opposed usa -> turkey"},
			[]string{"opposed turkey -> sdf", "opposed usa -> sdf"}},
		{"the act replied to is the other side's",
			"وتنفذ الجماعة هجمات شبه يومية على المواقع الإسرائيلية، وقال حزب الله إنها تأتي ردا على عدوان النظام على لبنان",
			nil,
			[]string{"opposed hezbollah -> lebanon"}},
		{"the act replied to keeps its own agent",
			"وشن الجيش الإسرائيلي غارات على لبنان ردا على هجوم حزب الله على إسرائيل",
			[]string{"opposed hezbollah -> israel"},
			[]string{"opposed idf -> israel"}},
		{"the one a body speaks through is no target",
			"بدوره، أدان مجلس التعاون الخليجي، عبر أمينه العام جاسم محمد البديوي، الغارة الإسرائيلية على سوريا",
			[]string{"opposed gcc -> israel"},
			[]string{"opposed gcc -> jasem-albudaiwi", "opposed gcc -> syria"}},
		{"support given through a noun after عبر is still support",
			"واتهمت واشنطن إيران بإطالة الصراع عبر تقديمها الدعم للحوثيين",
			[]string{"supported iran -> houthis"},
			nil},
		{"political process is no event",
			"وأكدت الإمارات دعمها العملية السياسية في ليبيا",
			nil,
			[]string{"supported uae -> libya"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lines, keys := eventClaims(t, x, tc.text)
			for _, w := range tc.want {
				if !slices.Contains(keys, w) {
					t.Errorf("got %q, want %q", lines, w)
				}
			}
			for _, n := range tc.never {
				if slices.Contains(keys, n) {
					t.Errorf("got %q, want no %q", lines, n)
				}
			}
		})
	}
}
