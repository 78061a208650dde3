package arabic

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// formSet returns the normalised forms of l selected by keep, as a set.
func formSet(t *testing.T, l Lemma, keep func(Inflection) bool) map[string]bool {
	t.Helper()
	infl, err := Inflect(l)
	if err != nil {
		t.Fatalf("Inflect(%+v): got error %v, want none", l, err)
	}
	set := map[string]bool{}
	for _, f := range infl {
		if keep == nil || keep(f) {
			set[f.Norm] = true
		}
	}
	return set
}

func sortedKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestInflectMembership checks, for representative lemmas, forms that must
// be generated and forms that must not (written as in the news; both sides
// are normalised before comparing).
func TestInflectMembership(t *testing.T) {
	tests := []struct {
		name string
		l    Lemma
		want string // space-separated
		not  string
	}{
		{"form X sound with noun", Lemma{Perfect: "استقبل", Nouns: []string{"استقبال"}},
			"استقبل استقبلت استقبلا استقبلتا استقبلوا استقبلنا استقبلن يستقبل تستقبل نستقبل أستقبل يستقبلون يستقبلوا يستقبلان يستقبلا تستقبلان سيستقبل ستستقبل سيستقبلون استقبله استقبلته استقبلوه يستقبلهم يستقبلونه سيستقبلها استقباله استقبالها استقبالا استقبالين",
			"واستقبل الاستقبال باستقبال استقبلواه استقبالات"},
		{"form VIII final-weak ى with hamza noun", Lemma{Perfect: "التقى", Nouns: []string{"لقاء"}, Plurals: []string{"لقاءات"}},
			"التقى التقت التقيا التقتا التقوا التقين التقيت التقينا يلتقي تلتقي يلتقيان يلتقيا يلتقون يلتقوا يلتقين يلتق تلتق سيلتقي التقاه التقته التقوه يلتقيه لقاء لقاءه لقاؤه لقائه لقائي لقاءات لقاءاتها لقاءين",
			"التقات يلتقيون يلتقيوا لقاءا يلتقيى"},
		{"form I final-weak و", Lemma{Perfect: "دعا", Imperfect: "يدعو", Nouns: []string{"دعوة"}},
			"دعا دعت دعوا دعتا دعون دعوت دعونا يدعو تدعو يدعون يدعوا يدعوان تدعين سيدعو دعاه دعته دعوه يدعوه يدعونه دعوة دعوته دعوات دعوتان",
			"يدع تدع أدع ندع دعيت دعات"},
		{"doubled form I", Lemma{Perfect: "ردّ", Nouns: []string{"رد"}},
			"رد ردت ردا ردتا ردوا رددن رددت رددنا يرد ترد يردون يردان يرددن رده ردته ردوه يرده ردا رده ردها ردان",
			"رددوا ردات يردد"},
		{"form IV hollow with explicit imperfect", Lemma{Perfect: "أدان", Imperfect: "يدين", Nouns: []string{"إدانة"}},
			"أدان أدانت أدانا أدانوا أدنت أدنا أدنتم يدين تدين يدينون يدينان سيدين أدانه إدانة إدانته إدانات إداناتها",
			"يدن يدنّ تدنّ"},
		{"form V final-weak ى derived imperfect", Lemma{Perfect: "تصدّى"},
			"تصدى تصدت تصديا تصدوا تصديت يتصدى تتصدى يتصديان يتصدون يتصدوا يتصد سيتصدى تصداه يتصداه",
			"تصدات يتصديون"},
		{"form VIII sound with plural", Lemma{Perfect: "اجتمع", Nouns: []string{"اجتماع"}, Plurals: []string{"اجتماعات"}},
			"اجتمع اجتمعت اجتمعا اجتمعوا يجتمع تجتمع يجتمعان يجتمعون سيجتمع اجتماع اجتماعا اجتماعه اجتماعات اجتماعاتها",
			"اجتماعاتا اجتماعاتان"},
		{"form III derived imperfect and noun in ة", Lemma{Perfect: "ساند", Nouns: []string{"مساندة"}},
			"ساند ساندت ساندوا يساند تساند يساندون مساندة مساندته مساندتها مساندات مساندتان مساندتين",
			"مساندها مساندتا"},
		{"form II hamza-initial with participle", Lemma{Perfect: "أيّد", Nouns: []string{"تأييد"}, Active: "مؤيّد"},
			"أيد أيدت أيدوا يؤيد تؤيد يؤيدون سيؤيد تأييد تأييده تأييدا مؤيد مؤيدة مؤيدين مؤيدون مؤيدو مؤيدي مؤيدا مؤيدات",
			"يايد ياييد مؤيدته"},
		{"form I i-type final-weak", Lemma{Perfect: "نسي", Imperfect: "ينسى"},
			"نسي نسيت نسيا نسيتا نسوا نسين نسينا ينسى تنسى ينسيان ينسون ينسوا ينسين ينساه",
			"نست نسيوا ينسيون"},
		{"form I sound with both participles", Lemma{Perfect: "دعم", Nouns: []string{"دعم"}, Active: "داعم", Passive: "مدعوم"},
			"دعم دعمت دعما دعموا يدعم تدعم يدعمون يدعمان دعمته دعمه دعمها دعمهم دعمهما داعم داعمة داعمين داعمون داعما مدعوم مدعومة مدعومين مدعومون مدعومات",
			"الداعم الداعمة مدعومته دعماا"},
		{"defective participle", Lemma{Active: "موالي"},
			"موالي موال مواليا موالية موالين موالون مواليات مواليان موالو",
			"الموالي مواليون"},
		{"form VIII assimilated with explicit plural", Lemma{Perfect: "اتّهم", Nouns: []string{"اتهام"}, Plurals: []string{"اتهامات"}},
			"اتهم اتهمت اتهموا اتهما اتهمته اتهمها اتهمهم يتهم تتهم يتهمون يتهمان يتهمه تتهمها اتهام اتهامات اتهامه",
			"اتهاماتا"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := formSet(t, tc.l, nil)
			for _, w := range strings.Fields(tc.want) {
				if !got[Normalize(w)] {
					t.Errorf("got no %q (%s), want it among the %d forms", w, Normalize(w), len(got))
				}
			}
			for _, w := range strings.Fields(tc.not) {
				if got[Normalize(w)] {
					t.Errorf("got %q (%s), want it not generated", w, Normalize(w))
				}
			}
		})
	}
}

// TestInflectExact checks the exact set of some parts of paradigms.
func TestInflectExact(t *testing.T) {
	noObject := func(a Aspect) func(Inflection) bool {
		return func(f Inflection) bool { return f.Aspect == a && f.Object == "" && !f.Future }
	}
	tests := []struct {
		name string
		l    Lemma
		keep func(Inflection) bool
		want string
	}{
		{"hollow perfect without objects", Lemma{Perfect: "قال"}, noObject(Perfect),
			"قال قالت قالا قالتا قالوا قلن قلت قلتما قلتم قلتن قلنا"},
		{"hollow perfect has no derived imperfect", Lemma{Perfect: "قال"}, noObject(Imperfect), ""},
		{"final-weak imperfect without objects or future", Lemma{Perfect: "التقى"}, noObject(Imperfect),
			"يلتقي تلتقي ألتقي نلتقي يلتقيان يلتقيا تلتقيان تلتقيا يلتقون يلتقوا تلتقون تلتقوا يلتقين تلتقين يلتق تلتق ألتق نلتق"},
		{"sound imperfect futures", Lemma{Imperfect: "يدعم"}, func(f Inflection) bool { return f.Future && f.Object == "" },
			"سيدعم ستدعم سأدعم سندعم سيدعمان ستدعمان سيدعمون ستدعمون سيدعمن ستدعمن ستدعمين"},
		{"verbal noun", Lemma{Nouns: []string{"دعم"}}, nil,
			"دعم دعمه دعمها دعمهما دعمهم دعمهن دعمك دعمكم دعمنا دعمي دعما دعمان دعمين"},
		{"active participle", Lemma{Active: "داعم"}, nil,
			"داعم داعما داعمة داعمان داعمين داعمتان داعمتين داعمون داعمو داعمي داعمات"},
		{"participle in ى", Lemma{Passive: "ملتقى"}, nil, "ملتقى"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := map[string]bool{}
			for _, w := range strings.Fields(tc.want) {
				want[Normalize(w)] = true
			}
			got := sortedKeys(formSet(t, tc.l, tc.keep))
			if w := sortedKeys(want); !slices.Equal(got, w) {
				t.Errorf("got %q, want %q", got, w)
			}
		})
	}
}

// TestInflectFeatures checks the features of some forms.
func TestInflectFeatures(t *testing.T) {
	l := Lemma{Perfect: "استقبل", Nouns: []string{"استقبال"}, Active: "مستقبل"}
	infl, err := Inflect(l)
	if err != nil {
		t.Fatalf("got error %v, want none", err)
	}
	tests := []struct {
		form string
		want Inflection
	}{
		{"استقبلوا", Inflection{Aspect: Perfect, Person: 3, Number: 3}},
		{"استقبلتا", Inflection{Aspect: Perfect, Person: 3, Feminine: true, Number: 2}},
		{"استقبلته", Inflection{Aspect: Perfect, Person: 3, Feminine: true, Number: 1, Object: "ه"}},
		{"يستقبلوا", Inflection{Aspect: Imperfect, Person: 3, Number: 3}},
		{"سيستقبلونهم", Inflection{Aspect: Imperfect, Person: 3, Number: 3, Object: "هم", Future: true}},
		{"نستقبل", Inflection{Aspect: Imperfect, Person: 1, Number: 3}},
		{"استقبالها", Inflection{Aspect: VerbalNoun, Number: 1, Object: "ها"}},
		{"استقبالين", Inflection{Aspect: VerbalNoun, Number: 2}},
		{"مستقبلة", Inflection{Aspect: ActiveParticiple, Feminine: true, Number: 1}},
	}
	for _, tc := range tests {
		t.Run(tc.form, func(t *testing.T) {
			want := tc.want
			want.Norm = Normalize(tc.form)
			if !slices.Contains(infl, want) {
				var same []Inflection
				for _, f := range infl {
					if f.Norm == want.Norm {
						same = append(same, f)
					}
				}
				t.Errorf("got %+v for %s, want %+v among them", same, want.Norm, want)
			}
		})
	}
}

// commonLemmas are trigger lemmas of data/triggers.yaml, written as an
// analyst would.
var commonLemmas = []Lemma{
	{Perfect: "التقى", Nouns: []string{"لقاء"}, Plurals: []string{"لقاءات"}},
	{Perfect: "اجتمع", Nouns: []string{"اجتماع"}, Plurals: []string{"اجتماعات"}},
	{Perfect: "استقبل", Nouns: []string{"استقبال"}},
	{Perfect: "اتصل", Nouns: []string{"اتصال"}, Plurals: []string{"اتصالات"}},
	{Perfect: "تباحث", Nouns: []string{"مباحثات"}},
	{Perfect: "صافح"},
	{Perfect: "هاتف"},
	{Perfect: "دعم", Nouns: []string{"دعم"}, Active: "داعم", Passive: "مدعوم"},
	{Perfect: "ساند", Nouns: []string{"مساندة"}},
	{Perfect: "أيّد", Nouns: []string{"تأييد"}, Active: "مؤيد"},
	{Perfect: "سلّح", Nouns: []string{"تسليح"}},
	{Perfect: "موّل", Nouns: []string{"تمويل"}},
	{Perfect: "ساعد", Nouns: []string{"مساعدة"}},
	{Perfect: "تعاون", Nouns: []string{"تعاون"}},
	{Perfect: "عارض", Nouns: []string{"معارضة"}, Active: "معارض"},
	{Perfect: "انتقد", Nouns: []string{"انتقاد"}, Plurals: []string{"انتقادات"}},
	{Perfect: "هاجم", Nouns: []string{"هجوم"}, Plurals: []string{"هجمات"}},
	{Perfect: "هدّد", Nouns: []string{"تهديد"}, Plurals: []string{"تهديدات"}},
	{Perfect: "أدان", Imperfect: "يدين", Nouns: []string{"إدانة"}},
	{Perfect: "ندّد"},
	{Perfect: "استنكر"},
	{Perfect: "استهدف", Passive: "مستهدف"},
	{Perfect: "اتّهم", Nouns: []string{"اتهام"}, Plurals: []string{"اتهامات"}, Active: "متهم"},
	{Perfect: "شنّ"},
	{Perfect: "حذّر"},
	{Perfect: "دعا", Imperfect: "يدعو"},
	{Perfect: "حثّ"},
	{Perfect: "ردّ"},
	{Perfect: "تصدّى"},
	{Perfect: "رفض", Nouns: []string{"رفض"}},
	{Perfect: "نفى", Imperfect: "ينفي"},
	{Perfect: "أجرى"},
	{Perfect: "قال", Imperfect: "يقول"},
	{Active: "موالي"},
}

// functionWords are frequent words no trigger form may be.
var functionWords = strings.Fields(`من في على الى إلى عن ان أن إن لا ما لم لن هو هي هم هما نحن انا
	قد كان كانت بين مع بعد قبل حتى الذي التي الذين هذا هذه ذلك تلك كل او أو ثم اذا إذا عند غير منذ لدى
	انه انها كما ايضا أيضا له لها به بها فيه فيها عليه عليها اليه منه منها عنه اما الا إلا لكن بل ليس أي
	كيف متى اين هل يوم عام حيث خلال ضد نحو دون وقت يكون تكون ولا وقال`)

// TestInflectNormalisedNoFunctionWords checks that every form of the
// common lemmas is already normalised, has no space, and is no function
// word.
func TestInflectNormalisedNoFunctionWords(t *testing.T) {
	banned := map[string]bool{}
	for _, w := range functionWords {
		banned[Normalize(w)] = true
	}
	for _, l := range commonLemmas {
		t.Run(l.Perfect+strings.Join(l.Nouns, "")+l.Active, func(t *testing.T) {
			infl, err := Inflect(l)
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			if len(infl) == 0 {
				t.Fatalf("got no inflections, want some")
			}
			for _, f := range infl {
				if Normalize(f.Norm) != f.Norm || strings.Contains(f.Norm, " ") {
					t.Errorf("got form %q, want it normalised (%q) and one word", f.Norm, Normalize(f.Norm))
				}
				if banned[f.Norm] {
					t.Errorf("got function word %q as %+v", f.Norm, f)
				}
			}
		})
	}
}

// TestInflectDeduplicatedStable checks that Inflect repeats no inflection
// and returns the same order twice.
func TestInflectDeduplicatedStable(t *testing.T) {
	for _, l := range commonLemmas[:6] {
		a, _ := Inflect(l)
		b, _ := Inflect(l)
		if !slices.Equal(a, b) {
			t.Errorf("got two orders for %+v, want one", l)
		}
		seen := map[Inflection]bool{}
		for _, f := range a {
			if seen[f] {
				t.Errorf("got %+v twice, want it once", f)
			}
			seen[f] = true
		}
	}
}

// TestDeriveImperfect checks which imperfects are derived from the perfect.
func TestDeriveImperfect(t *testing.T) {
	tests := []struct{ perfect, want string }{
		{"استقبل", "يستقبل"},
		{"استدعى", "يستدعي"},
		{"اجتمع", "يجتمع"},
		{"التقى", "يلتقي"},
		{"انسحب", "ينسحب"},
		{"اعلن", "يعلن"},
		{"أعلن", "يعلن"},
		{"أجرى", "يجري"},
		{"أحبّ", "يحب"},
		{"احتلّ", "يحتل"},
		{"استمرّ", "يستمر"},
		{"تحدّث", "يتحدث"},
		{"تصدّى", "يتصدى"},
		{"تباحث", "يتباحث"},
		{"ساند", "يساند"},
		{"نادى", "ينادي"},
		{"ندّد", "يندد"},
		{"أيّد", "يؤيد"},
		{"دعم", "يدعم"},
		{"ردّ", "يرد"},
		{"رد", "يرد"},
		{"قال", ""},
		{"أدان", ""},
		{"اختار", ""},
		{"استفاد", ""},
		{"دعا", ""},
		{"رمى", ""},
		{"أخذ", ""},
		{"وقف", ""},
		{"سأل", ""},
		{"أنشأ", ""},
		{"اطمأن", ""},
		{"Latin", ""},
	}
	for _, tc := range tests {
		t.Run(tc.perfect, func(t *testing.T) {
			if got := DeriveImperfect(tc.perfect); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestInflectErrors checks that unreadable lemmas are a *LemmaError naming
// the field.
func TestInflectErrors(t *testing.T) {
	tests := []struct {
		name  string
		l     Lemma
		field string
	}{
		{"empty", Lemma{}, "Lemma"},
		{"two words", Lemma{Perfect: "اتصل هاتفيا"}, "Perfect"},
		{"latin", Lemma{Perfect: "met"}, "Perfect"},
		{"one letter", Lemma{Perfect: "ر"}, "Perfect"},
		{"imperfect without ي", Lemma{Perfect: "استقبل", Imperfect: "تستقبل"}, "Imperfect"},
		{"bad noun", Lemma{Perfect: "دعم", Nouns: []string{"دعم", "x"}}, "Nouns[1]"},
		{"feminine participle", Lemma{Active: "داعمة"}, "Active"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			infl, err := Inflect(tc.l)
			var le *LemmaError
			if !errors.As(err, &le) {
				t.Fatalf("got error %v, want a *LemmaError", err)
			}
			if le.Field != tc.field {
				t.Errorf("got field %q, want %q", le.Field, tc.field)
			}
			if infl != nil {
				t.Errorf("got %d inflections, want none", len(infl))
			}
		})
	}
}

// TestForms checks that Forms lists each form of Inflect once, in order.
func TestForms(t *testing.T) {
	l := Lemma{Perfect: "دعم", Nouns: []string{"دعم"}}
	forms, err := Forms(l)
	if err != nil {
		t.Fatalf("got error %v, want none", err)
	}
	all := formSet(t, l, nil)
	if len(forms) != len(all) {
		t.Errorf("got %d forms, want %d distinct", len(forms), len(all))
	}
	if forms[0] != "دعم" {
		t.Errorf("got first form %q, want the lemma دعم", forms[0])
	}
}

// TestAspectString checks the aspect names.
func TestAspectString(t *testing.T) {
	for a, want := range map[Aspect]string{Perfect: "perfect", PassiveParticiple: "passive participle", 0: "aspect(0)", 9: "aspect(9)"} {
		if got := a.String(); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}
