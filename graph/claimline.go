package graph

import "fmt"

// ClaimLine is one line of the JSON Lines claim format: the shape
// "rawabit extract" writes, which graph/export's jsonl format repeats with the optional
// fields (claim id, extractor, Arabic names, article metadata) filled in.
// Empty optional fields are left out.
type ClaimLine struct {
	ID         string       `json:"id,omitempty"`
	Type       string       `json:"type"`
	Source     LineActor    `json:"source"`
	Target     LineActor    `json:"target"`
	Article    LineArticle  `json:"article"`
	Evidence   LineEvidence `json:"evidence"`
	Certainty  string       `json:"certainty"`
	Confidence float64      `json:"confidence"`
	Extractor  string       `json:"extractor,omitempty"`
	// Rule names the extractor's construction that found the claim
	// ("frame/ties/cut", "verb/subject-first"); "" for a stored claim.
	Rule string `json:"rule,omitempty"`
}

// LineActor is one side of a claim in a ClaimLine. Mention is the actor's
// text as it appears in the article, or "" for a stored claim.
type LineActor struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	NameAr  string `json:"name_ar,omitempty"`
	Kind    string `json:"kind"`
	Mention string `json:"mention"`
}

// LineArticle names the article of a claim in a ClaimLine: its id, and the
// file it was read from ("rawabit extract") or its metadata (export).
type LineArticle struct {
	ID        string `json:"id"`
	Path      string `json:"path,omitempty"`
	Title     string `json:"title,omitempty"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
}

// LineEvidence is the verbatim quote of a claim: the article text between
// the byte offsets Start and End.
type LineEvidence struct {
	Quote string `json:"quote"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Claim converts a record to a claim: the type and certainty parsed, the
// id graph's ClaimID when the record has none. An unknown type or
// certainty, or a missing source, target or article id, is an error
// wrapping ErrInvalid.
func (rec ClaimLine) Claim() (Claim, error) {
	t, err := ParseRelationType(rec.Type)
	if err != nil {
		return Claim{}, err
	}
	cert, err := ParseCertainty(rec.Certainty)
	if err != nil {
		return Claim{}, err
	}
	if rec.Source.ID == "" || rec.Target.ID == "" || rec.Article.ID == "" {
		return Claim{}, fmt.Errorf("%w: source.id, target.id and article.id are required", ErrInvalid)
	}
	c := Claim{
		ID: rec.ID, Type: t, Source: rec.Source.ID, Target: rec.Target.ID, Article: rec.Article.ID,
		Quote: rec.Evidence.Quote, Start: rec.Evidence.Start, End: rec.Evidence.End,
		Certainty: cert, Confidence: rec.Confidence, Extractor: rec.Extractor, Rule: rec.Rule,
	}
	if c.ID == "" {
		c.ID = ClaimID(c.Article, c.Type, c.Source, c.Target, c.Start, c.End)
	}
	return c, nil
}
