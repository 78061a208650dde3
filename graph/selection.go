package graph

import (
	"strings"
	"unicode/utf8"
)

// CompleteAddedClaim completes the claim of an add_claim decision (already
// validated by Decision.Validate) against the text of its article: the
// offsets must select whole characters of non-blank text, and the quote must
// be reachable as the n-th non-overlapping occurrence of its text (so that
// the claims file can name it). It returns the claim with its Quote,
// Extractor (manual), ID, normalised Type and Certainty (default asserted)
// and Confidence (default 1), and that occurrence (from 1). Errors wrap
// ErrInvalid. Every store that implements Reviewer completes added claims
// with it.
func CompleteAddedClaim(c Claim, text string) (Claim, int, error) {
	if c.Start < 0 || c.End <= c.Start || c.End > len(text) || !utf8.RuneStart(text[c.Start]) || (c.End < len(text) && !utf8.RuneStart(text[c.End])) {
		return c, 0, Invalidf("new_claim.end", "offsets %d..%d do not select whole characters of the article text (%d bytes)", c.Start, c.End, len(text))
	}
	quote := text[c.Start:c.End]
	if strings.TrimSpace(quote) == "" {
		return c, 0, Invalidf("new_claim", "the selected quote is blank")
	}
	occurrence := 0
	for from := 0; ; {
		i := strings.Index(text[from:], quote)
		if i < 0 || from+i > c.Start {
			return c, 0, Invalidf("new_claim", "the selection overlaps an earlier occurrence of the same text: select a longer quote")
		}
		occurrence++
		if from+i == c.Start {
			break
		}
		from += i + len(quote)
	}
	c.Type, _ = ParseRelationType(string(c.Type))
	if c.Certainty == "" {
		c.Certainty = Asserted
	} else {
		c.Certainty, _ = ParseCertainty(string(c.Certainty))
	}
	if c.Confidence == 0 {
		c.Confidence = 1
	}
	c.Quote = quote
	c.Extractor = ExtractorManual
	c.ID = ClaimID(c.Article, c.Type, c.Source, c.Target, c.Start, c.End)
	return c, occurrence, nil
}
