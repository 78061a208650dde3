package data_test

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/rawabit/rawabit/data"
	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/loader/gazetteer"
)

var update = flag.Bool("update", false, "rewrite the counts line of gazetteer/core.yaml")

// minActors is the size the shipped gazetteer must keep (issue 13).
const minActors = 1350

func shipped(t *testing.T) *gazetteer.Gazetteer {
	t.Helper()
	g, err := gazetteer.LoadFS(data.FS, data.Dir+"/", "gazetteer")
	if err != nil {
		t.Fatalf("got %v, want the shipped gazetteer to load", err)
	}
	return g
}

// counts formats the counts line of the header of gazetteer/core.yaml.
func counts(g *gazetteer.Gazetteer) string {
	kinds := map[graph.Kind]int{}
	for _, a := range g.Actors() {
		kinds[a.Kind]++
	}
	forms := map[string]bool{}
	for _, e := range g.Entries() {
		for _, f := range e.Forms {
			forms[f.Normalized] = true
		}
	}
	roles := g.Roles()
	tenures, titles := 0, 0
	for _, r := range roles {
		tenures += len(r.Holders)
		titles += len(r.Titles)
	}
	return fmt.Sprintf("# %d actors (%d persons, %d states, %d organisations), %d distinct normalised forms, %d roles with %d tenures and %d titles.",
		g.Len(), kinds[graph.KindPerson], kinds[graph.KindState], kinds[graph.KindOrganisation], len(forms), len(roles), tenures, titles)
}

var countsLine = regexp.MustCompile(`(?m)^# (\d+ actors .*|COUNTS)$`)

func TestGazetteerHeaderCounts(t *testing.T) {
	g := shipped(t)
	const file = "gazetteer/core.yaml"
	b, err := fs.ReadFile(data.FS, file)
	if err != nil {
		t.Fatal(err)
	}
	got := countsLine.Find(b)
	want := counts(g)
	if *update {
		if got == nil {
			t.Fatalf("got no counts line in %s, want one to rewrite", file)
		}
		if err := os.WriteFile(file, bytes.Replace(b, got, []byte(want), 1), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if string(got) != want {
		t.Errorf("got header line %q in %s, want %q (run go test ./data -update)", got, file, want)
	}
}

func TestShippedGazetteer(t *testing.T) {
	g := shipped(t)
	if g.Len() < minActors {
		t.Errorf("got %d actors, want at least %d", g.Len(), minActors)
	}
	for _, a := range g.Actors() {
		if err := a.Validate(); err != nil {
			t.Errorf("got %v, want a valid actor", err)
		}
	}
	perOffice := map[string]int{}
	for _, r := range g.Roles() {
		perOffice[r.Office]++
		if len(r.Holders) == 0 {
			t.Errorf("got role %s (%s) with no holder, want at least one", r.ID, r.Pos)
		}
	}
	t.Logf("%d actors, roles per office: %v", g.Len(), perOffice)
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestShippedRoleHolders(t *testing.T) {
	roles := map[string]gazetteer.Role{}
	for _, r := range shipped(t).Roles() {
		roles[r.ID] = r
	}
	tests := []struct {
		role string
		day  string
		want string
	}{
		{"egypt/president", "2010-06-01", "hosni-mubarak"},
		{"egypt/president", "2013-01-01", "mohamed-morsi"},
		{"egypt/president", "2020-01-01", "abdel-fattah-el-sisi"},
		{"egypt/foreign-minister", "2016-05-01", "sameh-shoukry"},
		{"egypt/defence-minister", "2013-06-30", "abdel-fattah-el-sisi"},
	}
	for _, tt := range tests {
		t.Run(tt.role+"@"+tt.day, func(t *testing.T) {
			r, ok := roles[tt.role]
			if !ok {
				t.Fatalf("got no role %s, want one", tt.role)
			}
			got, ok := r.HolderAt(day(tt.day))
			if !ok || got != tt.want {
				t.Errorf("got HolderAt(%s) = %q, %v; want %q", tt.day, got, ok, tt.want)
			}
		})
	}
}

// TestTitlesOfHeadsNameNoGovernment guards the {name} templates of the heads
// of state: a state whose first two names include "الحكومة ..." would turn
// "رئيس {name}" into a prime minister's title attached to the president.
func TestTitlesOfHeadsNameNoGovernment(t *testing.T) {
	heads := map[string]bool{"president": true, "king": true, "emir": true, "sultan": true, "crown-prince": true}
	for _, r := range shipped(t).Roles() {
		if !heads[r.Office] {
			continue
		}
		for _, f := range r.Titles {
			if strings.Contains(f.Normalized, "حكومه") {
				t.Errorf("got title %q of role %s (%s), want no government in a title of office %s", f.Text, r.ID, r.Pos, r.Office)
			}
		}
	}
}
