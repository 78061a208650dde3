package web

import (
	"cmp"
	"context"
	"slices"
	"unicode/utf16"
	"unicode/utf8"
)

// ctxCheckBytes is how many bytes of text a loop over an article walks
// between two looks at the request's context.
const ctxCheckBytes = 64 << 10

// utf16Offsets returns, for each byte offset in offsets, the number of UTF-16
// code units of text[:offset] (the index JavaScript uses), in one pass over
// text whatever the number of offsets: the cost is linear in len(text) plus
// sorting the offsets. An offset is clamped to 0..len(text); a byte that is
// not part of a valid UTF-8 character, and each byte of a character cut by the
// offset, counts as one unit (as ranging over text[:offset] decodes it). It
// stops with ctx's error once ctx is done.
func utf16Offsets(ctx context.Context, text string, offsets []int) ([]int, error) {
	order := make([]int, len(offsets))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(offsets[a], offsets[b]) })
	out := make([]int, len(offsets))
	pos, units, nextCheck := 0, 0, ctxCheckBytes
	for _, i := range order {
		target := min(max(offsets[i], 0), len(text))
		for pos < target {
			if pos >= nextCheck {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
				nextCheck = pos + ctxCheckBytes
			}
			r, size := utf8.DecodeRuneInString(text[pos:])
			if pos+size > target {
				break // target cuts this character: its bytes before target count one each
			}
			pos += size
			if r == utf8.RuneError {
				units++
			} else {
				units += utf16.RuneLen(r)
			}
		}
		out[i] = units + (target - pos)
	}
	return out, nil
}
