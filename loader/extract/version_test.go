package extract

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/loader/corpus"
)

// versionGolden records which output the rules of each Version give: the
// version and the SHA-256 of `extract` over the seed articles and the
// second test corpus, with the fixed test gazetteer and the shipped
// lexicon.
const versionGolden = "testdata/version_output.txt"

// TestVersionMarksOutput fails when the rules' output changes while
// Version stays the same. Snapshots (loader/snapshot.go) are keyed by the
// extractor's Name, so rules that read differently under the same Version
// would serve claims that the current rules no longer produce. After a
// change of output, bump Version and run the test with -update; -update
// refuses to record a new output under the version already recorded.
func TestVersionMarksOutput(t *testing.T) {
	x := seedGazetteerExtractor(t)
	var buf bytes.Buffer
	_, err := x.ExtractCorpus(context.Background(), []string{seedsDir, otherDir},
		func(p Problem) error { t.Errorf("problem: %v", p.Err); return nil },
		func(it corpus.Item, r Result) error {
			return WriteJSONL(&buf, filepath.Base(it.Path), r)
		})
	if err != nil {
		t.Fatal(err)
	}
	if buf.Len() == 0 {
		t.Fatal("got no claims from the seed articles, want some")
	}
	sum := sha256.Sum256(buf.Bytes())
	got := fmt.Sprintf("%s %s\n", Version, hex.EncodeToString(sum[:]))
	want, err := os.ReadFile(versionGolden)
	if err != nil && !*update {
		t.Fatalf("read %s (run with -update to create it): %v", versionGolden, err)
	}
	wantVersion, _, _ := strings.Cut(string(want), " ")
	if got == string(want) {
		return
	}
	if wantVersion == Version {
		t.Fatalf("the rules' output changed under the same Version %q (%s records %q, got %q): bump Version in extract.go, then run with -update", Version, versionGolden, strings.TrimSpace(string(want)), strings.TrimSpace(got))
	}
	if !*update {
		t.Fatalf("Version is %q but %s records %q: run with -update", Version, versionGolden, strings.TrimSpace(string(want)))
	}
	if err := os.WriteFile(versionGolden, []byte(got), 0o644); err != nil {
		t.Fatal(err)
	}
}
