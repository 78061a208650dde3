package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/rawabit/rawabit/graph"
)

// writeJSONL writes one claim per line in claim id order. "mention" is empty:
// a stored claim does not keep the surface form of its actors.
func writeJSONL(ctx context.Context, w io.Writer, in Input) error {
	t := newTextWriter(w)
	actors := make(map[string]*graph.Actor, len(in.Subgraph.Nodes))
	for i := range in.Subgraph.Nodes {
		actors[in.Subgraph.Nodes[i].ID] = &in.Subgraph.Nodes[i]
	}
	var b []byte
	err := eachClaim(ctx, in.Subgraph.Claims, func(c *graph.Claim) error {
		a := in.Articles[c.Article]
		b = append(b[:0], `{"id":`...)
		b = appendJSONString(b, c.ID)
		b = append(b, `,"type":"`...)
		b = append(b, strings.ToLower(string(c.Type))...)
		b = append(b, `","source":`...)
		b = appendJSONLActor(b, actors[c.Source])
		b = append(b, `,"target":`...)
		b = appendJSONLActor(b, actors[c.Target])
		b = append(b, `,"article":{"id":`...)
		b = appendJSONString(b, c.Article)
		b = appendOptional(b, "title", a.Title)
		b = appendOptional(b, "source", a.Source)
		b = appendOptional(b, "published", dateString(a.Published))
		b = appendOptional(b, "url", a.URL)
		b = append(b, `},"evidence":{"quote":`...)
		b = appendJSONString(b, c.Quote)
		b = append(b, `,"start":`...)
		b = strconv.AppendInt(b, int64(c.Start), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(c.End), 10)
		b = append(b, `},"certainty":`...)
		b = appendJSONString(b, string(c.Certainty))
		b = append(b, `,"confidence":`...)
		b = appendFloat(b, c.Confidence)
		b = appendOptional(b, "extractor", c.Extractor)
		b = appendOptional(b, "rule", c.Rule)
		b = append(b, "}\n"...)
		t.b(b)
		return t.err
	})
	if err != nil {
		return err
	}
	return t.flush()
}

func appendJSONLActor(b []byte, a *graph.Actor) []byte {
	b = append(b, `{"id":`...)
	b = appendJSONString(b, a.ID)
	b = append(b, `,"name":`...)
	b = appendJSONString(b, a.Name)
	b = appendOptional(b, "name_ar", a.NameAr)
	b = append(b, `,"kind":`...)
	b = appendJSONString(b, string(a.Kind))
	return append(b, `,"mention":""}`...)
}

// appendOptional appends ,"key":value when value is not empty.
func appendOptional(b []byte, key, value string) []byte {
	if value == "" {
		return b
	}
	b = append(b, ',', '"')
	b = append(b, key...)
	b = append(b, '"', ':')
	return appendJSONString(b, value)
}

// maxJSONLLine is the longest line ReadJSONL accepts.
const maxJSONLLine = 16 << 20

// ReadJSONL reads claims in the jsonl format, or as "rawabit extract" writes
// them, and returns them as a subgraph: the claims sorted by id (a record
// without "id" gets graph.ClaimID's), the actors they name as nodes (id,
// name, Arabic name and kind; the first record naming an actor wins) and the
// article metadata. Blank lines are skipped. A malformed line, an unknown
// type, kind or certainty, or a bad date is an error wrapping
// graph.ErrInvalid that names the line.
func ReadJSONL(r io.Reader) (Input, error) {
	in := Input{Articles: map[string]graph.Article{}}
	nodes := map[string]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxJSONLLine)
	line := 0
	for sc.Scan() {
		line++
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 {
			continue
		}
		var rec graph.ClaimLine
		dec := json.NewDecoder(bytes.NewReader(text))
		if err := dec.Decode(&rec); err != nil {
			return Input{}, fmt.Errorf("%w: jsonl line %d: %v", graph.ErrInvalid, line, err)
		}
		c, err := rec.Claim()
		if err != nil {
			return Input{}, fmt.Errorf("jsonl line %d: %w", line, err)
		}
		for _, ref := range []graph.LineActor{rec.Source, rec.Target} {
			if nodes[ref.ID] {
				continue
			}
			kind, err := graph.ParseKind(ref.Kind)
			if err != nil {
				return Input{}, fmt.Errorf("jsonl line %d: actor %q: %w", line, ref.ID, err)
			}
			nodes[ref.ID] = true
			in.Subgraph.Nodes = append(in.Subgraph.Nodes, graph.Actor{ID: ref.ID, Name: ref.Name, NameAr: ref.NameAr, Kind: kind})
		}
		published, err := parseDate(rec.Article.Published)
		if err != nil {
			return Input{}, fmt.Errorf("%w: jsonl line %d: article published: %v", graph.ErrInvalid, line, err)
		}
		if _, ok := in.Articles[c.Article]; !ok {
			in.Articles[c.Article] = graph.Article{ID: c.Article, Title: rec.Article.Title, Source: rec.Article.Source, Published: published, URL: rec.Article.URL}
		}
		in.Subgraph.Claims = append(in.Subgraph.Claims, c)
	}
	if err := sc.Err(); err != nil {
		return Input{}, fmt.Errorf("jsonl line %d: %w", line+1, err)
	}
	sortSubgraph(&in.Subgraph)
	return in, nil
}
