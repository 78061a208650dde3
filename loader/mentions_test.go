package loader_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/loader"
	"github.com/rawabit/rawabit/loader/extract"
)

// mentionsGazetteer is a small gazetteer written for TestMentionsOneMatcher:
// states with capitals and demonyms, a person with a long and a short
// name, an organisation whose name starts like another one's.
const mentionsGazetteer = `actors:
  - id: misr
    name: Misr
    kind: state
    names: ["مصر", "جمهورية مصر العربية"]
    capital: ["القاهرة"]
    demonyms: ["المصري", "المصرية"]
  - id: turkiya
    name: Turkiya
    kind: state
    names: ["تركيا"]
    capital: ["أنقرة"]
  - id: libya-state
    name: Libya
    kind: state
    names: ["ليبيا"]
    capital: ["طرابلس"]
  - id: person-one
    name: Person One
    kind: person
    names: ["رجب طيب أردوغان", "أردوغان"]
  - id: army-one
    name: Army One
    kind: organisation
    names: ["الجيش الوطني الليبي", "الجيش الليبي"]
  - id: council-one
    name: Council One
    kind: organisation
    names: ["مجلس الأمن", "مجلس الأمن الدولي"]
`

// TestMentionsOneMatcher loads each sentence of a table with and without
// the extractor and checks that both find the same mentions: the loader's
// counter (mentions.go) and the extractor match names with the same
// matcher (arabic.Trie) and the same clitic readings (arabic.Proclitics).
func TestMentionsOneMatcher(t *testing.T) {
	gazFile := filepath.Join(t.TempDir(), "mentions.yaml")
	if err := os.WriteFile(gazFile, []byte(mentionsGazetteer), 0o644); err != nil {
		t.Fatal(err)
	}
	lex, err := extract.LoadLexicon("../data/triggers.yaml")
	if err != nil {
		t.Fatal(err)
	}
	plain, err := loader.New(loader.Options{Gazetteers: []string{gazFile}})
	if err != nil {
		t.Fatal(err)
	}
	withX, err := loader.New(loader.Options{Gazetteers: []string{gazFile}, Extractor: extractorOn(lex)})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want       []graph.Mention
	}{
		{"names", "استقبل أردوغان في أنقرة وفدا من مصر.",
			[]graph.Mention{{Actor: "misr", Count: 1}, {Actor: "person-one", Count: 1}, {Actor: "turkiya", Count: 1}}},
		{"longest name wins", "قال رجب طيب أردوغان إن تركيا تدعم ليبيا.",
			[]graph.Mention{{Actor: "libya-state", Count: 1}, {Actor: "person-one", Count: 1}, {Actor: "turkiya", Count: 1}}},
		{"clitics", "وأكدت القاهرة دعمها لليبيا وبالجيش الوطني الليبي، ولتركيا موقف آخر.",
			[]graph.Mention{{Actor: "army-one", Count: 1}, {Actor: "libya-state", Count: 1}, {Actor: "misr", Count: 1}, {Actor: "turkiya", Count: 1}}},
		{"article after a clitic", "وفي طرابلس رحب المجلس بقرار مجلس الأمن الدولي وللمجلس رأي.",
			[]graph.Mention{{Actor: "council-one", Count: 1}, {Actor: "libya-state", Count: 1}}},
		{"demonyms and repeats", "رفض الجانب المصري، والحكومة المصرية، الخطة، وكرر أردوغان موقف تركيا وأردوغان.",
			[]graph.Mention{{Actor: "misr", Count: 2}, {Actor: "person-one", Count: 2}, {Actor: "turkiya", Count: 1}}},
		{"two sentences", "زار أردوغان ليبيا. ثم عاد إلى أنقرة!",
			[]graph.Mention{{Actor: "libya-state", Count: 1}, {Actor: "person-one", Count: 1}, {Actor: "turkiya", Count: 1}}},
		{"no name", "لم يذكر البيان أحدا.", []graph.Mention{}},
	}
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := graph.Article{ID: "m1", Title: "t", Text: tt.text, SHA256: graph.TextSHA256(tt.text)}
			got, err := plain.Document(ctx, a)
			if err != nil {
				t.Fatal(err)
			}
			gotX, err := withX.Document(ctx, a)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got.Mentions, tt.want) {
				t.Errorf("without the extractor: got %v, want %v", got.Mentions, tt.want)
			}
			if !slices.Equal(gotX.Mentions, got.Mentions) {
				t.Errorf("with the extractor: got %v, want %v (the mentions found without it)", gotX.Mentions, got.Mentions)
			}
		})
	}
}
