package extract

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/rawabit/rawabit/loader/gazetteer"
)

// TestAnaphorStart checks the table test of anaphorAt (mayAnaphorAt)
// against its readers run at every token (anaphorProbe): on every token of
// the seed articles, of the real-news texts when they are present and of
// sentences written for each reader, a token the table passes over must be
// one no reader adds a mention at (nor leaves blocked set).
func TestAnaphorStart(t *testing.T) {
	g, err := gazetteer.LoadFiles(gazetteerDir)
	if err != nil {
		t.Fatal(err)
	}
	lex, err := LoadLexicon(triggersFile)
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(FromGazetteer(g), lex, WithRoles(g.Roles()))
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{
		"written": "استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة رئيس الوزراء الإثيوبي آبي أحمد. وأكد الجانبان رغبتهما في التعاون. " +
			"وقال السيسي إن بلاده وقواته لن تقبل ذلك. وأضاف أن لبلاده حقوقا. وقال سيادته إن الحوار مستمر. " +
			"ووصل وفد من حركة حماس إلى القاهرة. والتقى الوفد وزير الخارجية المصري. وأجرى الوزير محادثات معه. " +
			"وصل وزير الخارجية الروسي سيرغي لافروف إلى دمشق. وأجرى الرئيس السوري بشار الأسد محادثات معه. " +
			"وقال وزير الدفاع التركي خلوصي أكار إن قواته ستواصل عملياتها. " +
			"وأصدرت الخارجية القطرية بيانا. وانتقد البيان إسرائيل. واتهمت الحركة إسرائيل. وقالت هذه الحركة إن البلدين والجانبين متفقان. وبالحركة وللحركة.",
	}
	for _, it := range readCorpus(t, seedsDir) {
		texts["seeds/"+it.Article.ID] = it.Article.Text
	}
	if rn := realNewsDir(t); rn != "" {
		for _, it := range readCorpus(t, filepath.Join(rn, "texts")) {
			texts["realnews/"+it.Article.ID] = it.Article.Text
		}
	} else {
		t.Log("../shared/realnews is absent: the seed articles and written sentences alone")
	}
	for name, text := range texts {
		t.Run(name, func(t *testing.T) {
			var passed, read int
			x.anaphorProbe = func(a *analyzer, i int, may, got bool) {
				if !may {
					passed++
				}
				if got {
					read++
				}
				if got && !may {
					t.Errorf("mayAnaphorAt(%q) in %q = false, want true (a reader reads it)", a.toks[i].Norm, a.text)
				}
			}
			defer func() { x.anaphorProbe = nil }()
			if _, _, err := x.ExtractText(context.Background(), "t", text); err != nil {
				t.Fatal(err)
			}
			if name == "written" && (read == 0 || passed == 0) {
				t.Errorf("written: %d tokens read, %d passed over; want some of each", read, passed)
			}
		})
	}
}
