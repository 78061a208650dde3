package data_test

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/rawabit/rawabit/data"
	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
	"github.com/rawabit/rawabit/loader/gazetteer"
)

var update = flag.Bool("update", false, "rewrite the counts line of gazetteer/core.yaml")

// minActors is the size the shipped gazetteer must keep (issue 13).
const minActors = 1500

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
	// Floors of the roles per office that issue 13 asks for (heads of state
	// and government, foreign, defence and interior ministers, army and
	// intelligence chiefs), a little under the shipped counts.
	floors := []struct {
		office string
		min    int
	}{
		{"president", 35}, {"prime-minister", 35}, {"foreign-minister", 40}, {"defence-minister", 30},
		{"interior-minister", 26}, {"army-chief", 26}, {"intelligence-chief", 12},
	}
	for _, f := range floors {
		t.Run(f.office, func(t *testing.T) {
			if got := perOffice[f.office]; got < f.min {
				t.Errorf("got %d roles of office %s, want at least %d", got, f.office, f.min)
			}
		})
	}
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// arabLeague lists the 22 members of the Arab League with the office of
// their head of state; the shipped gazetteer has that role and a foreign
// minister role for each, except where noted.
var arabLeague = []struct {
	state, head string
	noFM        bool
}{
	{"algeria", "president", false}, {"bahrain", "king", false}, {"comoros", "president", true},
	{"djibouti", "president", false}, {"egypt", "president", false}, {"iraq", "president", false},
	{"jordan", "king", false}, {"kuwait", "emir", false}, {"lebanon", "president", false},
	{"libya", "council-chair", false}, {"mauritania", "president", false}, {"morocco", "king", false},
	{"oman", "sultan", false}, {"palestine", "president", false}, {"qatar", "emir", false},
	{"saudi-arabia", "king", false}, {"somalia", "president", false}, {"sudan", "council-chair", false},
	{"syria", "president", false}, {"tunisia", "president", false}, {"uae", "president", false},
	{"yemen", "president", false},
}

func TestArabLeagueRoles(t *testing.T) {
	roles := map[string]bool{}
	for _, r := range shipped(t).Roles() {
		roles[r.ID] = true
	}
	for _, s := range arabLeague {
		t.Run(s.state, func(t *testing.T) {
			if id := s.state + "/" + s.head; !roles[id] {
				t.Errorf("got no role %s, want one", id)
			}
			if id := s.state + "/foreign-minister"; !s.noFM && !roles[id] {
				t.Errorf("got no role %s, want one", id)
			}
		})
	}
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
		{"syria/president", "2015-03-01", "bashar-al-assad"},
		{"syria/president", "2025-06-01", "ahmed-al-sharaa"},
		{"syria/foreign-minister", "2022-01-10", "faisal-mekdad"},
		{"iraq/prime-minister", "2016-01-01", "haider-al-abadi"},
		{"iraq/prime-minister", "2021-03-01", "mustafa-al-kadhimi"},
		{"lebanon/prime-minister", "2018-05-01", "saad-hariri"},
		{"lebanon/prime-minister", "2013-05-01", "najib-mikati"},
		{"saudi-arabia/king", "2014-01-01", "king-abdullah-saudi"},
		{"saudi-arabia/crown-prince", "2016-01-01", "mohammed-bin-nayef"},
		{"saudi-arabia/defence-minister", "2019-01-01", "mohammed-bin-salman"},
		{"israel/intelligence-chief", "2018-01-01", "yossi-cohen"},
		{"usa/intelligence-chief", "2019-01-01", "gina-haspel"},
		{"qatar/emir", "2012-01-01", "hamad-bin-khalifa"},
		{"qatar/emir", "2014-01-01", "tamim-bin-hamad"},
		{"uae/president", "2023-01-01", "mohamed-bin-zayed"},
		{"yemen/president", "2016-01-01", "abd-rabbuh-mansur-hadi"},
		{"yemen/council-chair", "2023-01-01", "rashad-al-alimi"},
		{"libya/prime-minister", "2019-04-04", "fayez-al-sarraj"},
		{"libya/prime-minister", "2022-01-01", "abdul-hamid-dbeibah"},
		{"sudan/council-chair", "2023-04-15", "abdel-fattah-al-burhan"},
		{"sudan/president", "2018-12-19", "omar-al-bashir"},
		{"tunisia/president", "2018-01-01", "beji-caid-essebsi"},
		{"algeria/army-chief", "2018-01-01", "ahmed-gaid-salah"},
		{"morocco/prime-minister", "2019-01-01", "saadeddine-othmani"},
		{"jordan/foreign-minister", "2020-01-01", "ayman-safadi"},
		{"portugal/foreign-minister", "2018-01-01", "augusto-santos-silva"},
		{"spain/foreign-minister", "2022-01-01", "jose-manuel-albares"},
		{"palestine/prime-minister", "2020-01-01", "mohammad-shtayyeh"},
		{"kurdistan-region/president", "2015-01-01", "masoud-barzani"},
		{"somalia/president", "2019-01-01", "farmaajo"},
		{"nigeria/president", "2020-01-01", "muhammadu-buhari"},
		{"uganda/president", "2016-01-01", "yoweri-museveni"},
		{"mali/prime-minister", "2022-10-01", "abdoulaye-maiga"},
		{"mali/prime-minister", "2023-06-01", "choguel-maiga"},
		{"senegal/president", "2018-01-01", "macky-sall"},
		{"south-africa/president", "2024-01-01", "cyril-ramaphosa"},
		{"north-korea/leader", "2018-06-12", "kim-jong-un"},
		{"poland/prime-minister", "2020-01-01", "mateusz-morawiecki"},
		{"japan/foreign-minister", "2022-01-01", "yoshimasa-hayashi"},
		{"afghanistan/prime-minister", "2023-01-01", "mohammad-hasan-akhund"},
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

// TestBodyTemplates checks the actors that gazetteer/bodies.yaml generates:
// a few of them by id and name, and that they yield to the actors written
// by hand, which load unchanged without the templates.
func TestBodyTemplates(t *testing.T) {
	g := shipped(t)
	gen, yielded := g.Bodies()
	t.Logf("%d actors generated by body templates, %d yielded to hand-written ones", gen, yielded)
	if gen < 1000 {
		t.Errorf("got %d generated bodies, want at least 1000", gen)
	}
	tests := []struct {
		form, want string // a form and the actor that owns it; want "" for none
	}{
		{"الجيش الكيني", "kenya-armed-forces"},
		{"وزارة الخارجية الكينية", "kenya-foreign-ministry"},
		{"قوات الأمن النيجيرية", "nigeria-security-forces"},
		{"البرلمان الإسباني", "spain-parliament"},
		{"وزارة دفاع البرازيل", "brazil-defence-ministry"},
		{"الشرطة الباكستانية", "pakistan-police"},
		// hand-written bodies win
		{"الجيش السوداني", "saf"},
		{"القوات المسلحة السعودية", "saudi-armed-forces"},
		{"وزارة الخارجية المصرية", "egypt-foreign-ministry"},
		{"القوات اللبنانية", "lebanese-forces"},
		// the government and a presidency written as the state stay the state
		{"الحكومة الصومالية", "somalia"},
		{"الرئاسة الفرنسية", "france"},
		{"حكومة كينيا", ""},
	}
	owner := map[string]string{}
	for _, e := range g.Entries() {
		for _, f := range e.Forms {
			owner[f.Normalized] = e.ID
		}
	}
	for _, tt := range tests {
		t.Run(tt.form, func(t *testing.T) {
			if got := owner[arabic.Normalize(tt.form)]; got != tt.want {
				t.Errorf("got %q owning %s, want %q", got, tt.form, tt.want)
			}
		})
	}
	if a, ok := g.Actor("kenya-armed-forces"); !ok || a.Name != "Kenya Armed Forces" || a.Kind != graph.KindOrganisation || a.Affiliation != "kenya" {
		t.Errorf("got %+v, want Kenya Armed Forces, an organisation affiliated with kenya", a)
	}

	// Without the templates every other actor is the same.
	var files []string
	des, err := fs.ReadDir(data.FS, "gazetteer")
	if err != nil {
		t.Fatal(err)
	}
	for _, de := range des {
		if de.Name() != "bodies.yaml" {
			files = append(files, "gazetteer/"+de.Name())
		}
	}
	hand, err := gazetteer.LoadFS(data.FS, data.Dir+"/", files...)
	if err != nil {
		t.Fatalf("got %v, want the gazetteer without bodies.yaml to load", err)
	}
	if hand.Len()+gen != g.Len() {
		t.Errorf("got %d actors without the templates and %d generated, want them to add up to %d", hand.Len(), gen, g.Len())
	}
	for _, a := range hand.Actors() {
		if b, ok := g.Actor(a.ID); !ok || !reflect.DeepEqual(a, b) {
			t.Errorf("got %+v with the templates, want %+v as written by hand", b, a)
		}
	}
}
