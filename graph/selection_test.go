package graph

import (
	"cmp"
	"errors"
	"strings"
	"testing"
)

func TestCompleteAddedClaim(t *testing.T) {
	text := "التقى حفتر السيسي. ثم التقى حفتر السيسي مرة أخرى.   "
	second := strings.LastIndex(text, "التقى حفتر")
	base := Claim{Article: "a1", Type: "met", Source: "khalifa-haftar", Target: "egypt"}
	at := func(start, end int) Claim { c := base; c.Start, c.End = start, end; return c }
	tests := []struct {
		name       string
		text       string // "" means text
		c          Claim
		occurrence int
		err        error
	}{
		{"the first occurrence", "", at(0, len("التقى حفتر")), 1, nil},
		{"the second occurrence", "", at(second, second+len("التقى حفتر")), 2, nil},
		{"half a character", "", at(1, 9), 0, ErrInvalid},
		{"past the text", "", at(0, len(text)+1), 0, ErrInvalid},
		{"blank", "", at(len(text)-2, len(text)), 0, ErrInvalid},
		{"overlapping an earlier occurrence", "ااا", at(len("ا"), len("ااا")), 0, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := cmp.Or(tt.text, text)
			c, occurrence, err := CompleteAddedClaim(tt.c, text)
			if !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
				t.Fatalf("got error %v, want %v", err, tt.err)
			}
			if err != nil {
				return
			}
			if occurrence != tt.occurrence {
				t.Errorf("got occurrence %d, want %d", occurrence, tt.occurrence)
			}
			if c.Quote != text[tt.c.Start:tt.c.End] || c.Type != Met || c.Certainty != Asserted || c.Confidence != 1 ||
				c.Extractor != ExtractorManual || c.ID != ClaimID("a1", Met, "khalifa-haftar", "egypt", tt.c.Start, tt.c.End) {
				t.Errorf("got %+v, want the claim completed with its quote and defaults", c)
			}
		})
	}
}
