package loader_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/memstore"
	"github.com/rawabit/rawabit/loader"
)

// TestReviewFiles records one decision of each kind into copies of the
// shipped claims and corrections files (and into files that do not exist
// yet), then reads them back: the log gives the decisions, the claims file
// the added claim, actor and name, the corrections file its rejections as
// before, and a load of the seed corpus with both files still works.
func TestReviewFiles(t *testing.T) {
	seedText, err := os.ReadFile(filepath.Join("..", "data", "articles", "002_d1884a80d073445c.txt"))
	if err != nil {
		t.Fatal(err)
	}
	body := string(seedText)
	if _, rest, ok := strings.Cut(body, "\n---\n"); ok && strings.HasPrefix(body, "---\n") {
		body = rest
	}
	body = strings.TrimLeft(body, "\n")
	start, end := 0, strings.IndexAny(body, ".\n") // the first sentence or line
	if end <= 0 {
		t.Fatalf("no first sentence in %q", body)
	}
	at := time.Date(2026, 12, 5, 6, 30, 0, 0, time.UTC)
	decide := func(kind graph.DecisionKind, set func(*graph.Decision)) graph.Decision {
		d := graph.Decision{Kind: kind, Reviewer: "alice", Time: at, Reason: "سبب: checked"}
		set(&d)
		return d
	}
	decisions := []graph.Decision{
		decide(graph.DecisionReject, func(d *graph.Decision) { d.ClaimID = "0123456789abcdef" }),
		decide(graph.DecisionAddClaim, func(d *graph.Decision) {
			d.NewClaim = &graph.Claim{ID: graph.ClaimID("002_d1884a80d073445c", graph.Opposed, "un", "egypt", start, end),
				Article: "002_d1884a80d073445c", Type: graph.Opposed, Source: "un", Target: "egypt", Start: start, End: end,
				Quote: body[start:end], Certainty: graph.Alleged, Confidence: 0.5, Extractor: graph.ExtractorManual}
			d.Occurrence = 1
		}),
		decide(graph.DecisionAddActor, func(d *graph.Decision) {
			d.Actor = &graph.Actor{ID: "review-test-envoy", Name: "Review Test Envoy", NameAr: "مبعوث الاختبار", Kind: graph.KindPerson, Affiliation: "un"}
		}),
		decide(graph.DecisionAddName, func(d *graph.Decision) { d.ActorID = "egypt"; d.Name = "أرض الكنانة" }),
		decide(graph.DecisionMerge, func(d *graph.Decision) { d.ActorID = "review-test-envoy"; d.Into = "un" }),
	}
	for _, shipped := range []bool{true, false} {
		t.Run(map[bool]string{true: "shipped files", false: "new files"}[shipped], func(t *testing.T) {
			dir := t.TempDir()
			files := &loader.ReviewFiles{Claims: filepath.Join(dir, "claims.yaml"), Corrections: filepath.Join(dir, "corrections.yaml")}
			var before *loader.ClaimsFile
			var rejections []loader.Rejection
			if shipped {
				for _, f := range []string{"claims.yaml", "corrections.yaml"} {
					data, err := os.ReadFile(filepath.Join("..", "data", f))
					if err != nil {
						t.Fatal(err)
					}
					writeFile(t, filepath.Join(dir, f), data)
				}
				if before, err = loader.ParseClaimsFile(files.Claims); err != nil {
					t.Fatal(err)
				}
				if rejections, err = loader.ParseCorrectionsFile(files.Corrections); err != nil {
					t.Fatal(err)
				}
			}
			for _, d := range decisions {
				if err := files.Record(d); err != nil {
					t.Fatalf("record %s: %v", d.Kind, err)
				}
			}
			got, err := loader.ParseReviewsFile(files.Corrections)
			if err != nil {
				t.Fatal(err)
			}
			want := make([]graph.Decision, len(decisions))
			for i, d := range decisions {
				if d.NewClaim != nil { // the store completes these again
					c := *d.NewClaim
					c.ID, c.Quote, c.Extractor = "", "", ""
					d.NewClaim, d.Occurrence = &c, 0
				}
				want[i] = d
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got log\n%+v\nwant\n%+v", got, want)
			}
			cf, err := loader.ParseClaimsFile(files.Claims)
			if err != nil {
				t.Fatal(err)
			}
			wantClaims := 1
			if before != nil {
				wantClaims += len(before.Claims)
			}
			if len(cf.Claims) != wantClaims || cf.Claims[len(cf.Claims)-1].Quote != body[start:end] {
				t.Errorf("got %d claims, the last %+v; want %d ending with the added one", len(cf.Claims), cf.Claims[len(cf.Claims)-1], wantClaims)
			}
			if a, ok := cf.Actors.Actor("review-test-envoy"); !ok || a.NameAr != "مبعوث الاختبار" {
				t.Errorf("got actor %+v (%v), want the added actor", a, ok)
			}
			if a, ok := cf.Actors.Actor("egypt"); !ok || !strings.Contains(strings.Join(a.Aliases, ","), "أرض الكنانة") {
				t.Errorf("got egypt entry %+v (%v), want the added name as an alias", a, ok)
			}
			rs, err := loader.ParseCorrectionsFile(files.Corrections)
			if err != nil || len(rs) != len(rejections) {
				t.Errorf("got %d rejections (%v), want the %d of before", len(rs), err, len(rejections))
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 2 {
				t.Errorf("got %d files in the folder, want the two files and no temporary one", len(entries))
			}
			if !shipped {
				return
			}
			sum, err := loader.Load(context.Background(), memstore.New(), loader.Options{
				Corpus: []string{filepath.Join("..", "data", "articles")}, Gazetteers: []string{filepath.Join("..", "data", "gazetteer")},
				Claims: files.Claims, Corrections: files.Corrections,
			})
			if err != nil || sum.Curated != wantClaims {
				t.Errorf("load with the recorded files: got %d curated claims (%v), want %d", sum.Curated, err, wantClaims)
			}
		})
	}
}
