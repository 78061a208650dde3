package gazetteer

import (
	"bytes"
	"runtime"
	"slices"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/rawabit/rawabit/internal/input"
)

// A large gazetteer file of actors alone is parsed in pieces on several
// cores: parsing YAML is most of what loading a generated 10,000-actor
// gazetteer costs, and a load waits for it before it extracts anything.

// minChunkBytes is the least size of a piece worth a goroutine of its own.
const minChunkBytes = 64 << 10

// splitActors cuts the text of a gazetteer file into pieces of whole actor
// entries, each starting at a line, when the file is a mapping with the
// one key actors (first, unindented, its value a block sequence) and is
// large enough for at least two pieces of minChunkBytes; at most n pieces.
// It returns the offsets where the second and later pieces start, or nil.
// A piece is parsed as the document "actors:\n" followed by it (parseChunk);
// whatever the split gets wrong (an item line inside a quoted scalar, an
// alias of an anchor in another piece) makes a piece fail to parse or to
// merge, and then the file is parsed whole (LoadFS).
func splitActors(data []byte, n int) []int {
	n = min(n, len(data)/minChunkBytes)
	if n < 2 {
		return nil
	}
	// The first line that is neither blank nor a comment must be
	// "actors:", every other line indented, blank or a comment; items
	// start with the indentation of the first one, then "- ".
	var item []byte
	sawActors := false
	var starts []int
	for at := 0; at < len(data); {
		end := bytes.IndexByte(data[at:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += at + 1
		}
		line := data[at:end]
		trimmed := bytes.TrimLeft(line, " ")
		indent := len(line) - len(trimmed)
		switch {
		case len(bytes.TrimSpace(trimmed)) == 0 || trimmed[0] == '#':
		case !sawActors:
			if string(bytes.TrimRight(line, " \r\n")) != "actors:" {
				return nil
			}
			sawActors = true
		case indent == 0:
			return nil // another key, a document marker, a flow value
		case item == nil:
			if !bytes.HasPrefix(trimmed, []byte("- ")) {
				return nil
			}
			item = line[:indent+2]
		case bytes.HasPrefix(line, item):
			starts = append(starts, at)
		}
		at = end
	}
	var cuts []int
	for k := 1; k < n; k++ {
		want := len(data) * k / n
		// The first item starting at or after want.
		i, _ := slices.BinarySearch(starts, want)
		if i < len(starts) && (len(cuts) == 0 || starts[i] > cuts[len(cuts)-1]) {
			cuts = append(cuts, starts[i])
		}
	}
	return cuts
}

// parseChunk parses one piece of a file split by splitActors, which starts
// at line first of the file named name: its actors as ParseActorsNode
// parses them, with the lines of the file.
func parseChunk(name string, piece []byte, first int) (*Gazetteer, error) {
	doc := make([]byte, 0, len("actors:\n")+len(piece))
	doc = append(append(doc, "actors:\n"...), piece...)
	root, err := input.Parse(name, doc)
	if err != nil {
		return nil, err
	}
	if root == nil || root.Kind != yaml.MappingNode || len(root.Content) != 2 || root.Content[0].Value != "actors" {
		return nil, input.Errorf(input.Line(name, first), "not a piece of an actors list")
	}
	seq := root.Content[1]
	shiftLines(seq, first-2) // line 2 of doc is line first of the file
	return ParseActorsNode(name, seq)
}

// shiftLines adds d to the line of n and of every node under it.
func shiftLines(n *yaml.Node, d int) {
	n.Line += d
	for _, c := range n.Content {
		shiftLines(c, d)
	}
}

// parsePieces parses the text of a gazetteer file in the pieces splitActors
// cuts it into, on as many goroutines, when it cuts it (else nil, nil).
// The pieces are returned in order, to be merged (Merge) as if they were
// files; an error of any piece is returned, and the caller then parses the
// file whole for the errors Parse reports.
func parsePieces(name string, data []byte) ([]*Gazetteer, error) {
	cuts := splitActors(data, runtime.GOMAXPROCS(0))
	if cuts == nil {
		return nil, nil
	}
	return parseCut(name, data, cuts)
}

// parseCut parses the pieces of data that start at 0 and at each of cuts
// (offsets of line starts, in order), on as many goroutines: the first
// with Parse, the others with parseChunk.
func parseCut(name string, data []byte, cuts []int) ([]*Gazetteer, error) {
	bounds := append(append([]int{0}, cuts...), len(data))
	gs := make([]*Gazetteer, len(bounds)-1)
	errs := make([]error, len(gs))
	var wg sync.WaitGroup
	for i := range gs {
		from, to := bounds[i], bounds[i+1]
		if i == 0 {
			// The first piece holds "actors:" and what comes before it:
			// parsed as it is.
			wg.Go(func() { gs[i], errs[i] = Parse(name, data[from:to]) })
			continue
		}
		first := 1 + bytes.Count(data[:from], []byte("\n"))
		wg.Go(func() { gs[i], errs[i] = parseChunk(name, data[from:to], first) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return gs, nil
}
