package extract

import (
	"bufio"
	"bytes"
	"io"
	"unicode/utf8"
)

// isSentenceEnd reports whether r ends a sentence. A full stop between two
// digits (3.5) does not.
func isSentenceEnd(r rune) bool {
	switch r {
	case '\n', '.', '!', '?', '؟', '…', '۔', '\u2029':
		return true
	}
	return false
}

// splitSentences is a bufio.SplitFunc returning sentences with their
// terminator, so that the tokens concatenated give back the input exactly.
// A sentence longer than max bytes is cut after its last space (or at a rune
// boundary when it has none).
func splitSentences(max int) bufio.SplitFunc {
	return func(data []byte, atEOF bool) (int, []byte, error) {
		for i := 0; i < len(data); {
			// No sentence end starts or ends in data[i:i+8]; i+8 may be
			// within a rune, whose continuation bytes are then stepped
			// over one by one, all before max (a rune has three at most).
			for i+9 <= len(data) && i+8+utf8.UTFMax-1 < max && quietBytes(data[i:i+9]) {
				i += 8
			}
			if i >= max {
				cut := bytes.LastIndexAny(data[:i], " \t")
				if cut <= 0 {
					cut = i
				} else {
					cut++
				}
				return cut, data[:cut], nil
			}
			c := data[i]
			if c < utf8.RuneSelf {
				if c == '.' {
					if i+1 >= len(data) && !atEOF {
						return 0, nil, nil
					}
					if i > 0 && isDigit(data[i-1]) && i+1 < len(data) && isDigit(data[i+1]) {
						i++
						continue
					}
				}
				if c == '\n' || c == '.' || c == '!' || c == '?' {
					return i + 1, data[:i+1], nil
				}
				i++
				continue
			}
			if c >= 0xC2 && c <= 0xDF && i+1 < len(data) && data[i+1]&0xC0 == 0x80 {
				// Two bytes (the Arabic block among them): ؟ and ۔ end a
				// sentence, decoded without utf8.DecodeRune.
				if c == 0xD8 && data[i+1] == 0x9F || c == 0xDB && data[i+1] == 0x94 {
					return i + 2, data[:i+2], nil
				}
				i += 2
				continue
			}
			if !atEOF && !utf8.FullRune(data[i:]) {
				return 0, nil, nil
			}
			r, n := utf8.DecodeRune(data[i:])
			if isSentenceEnd(r) {
				return i + n, data[:i+n], nil
			}
			i += n
		}
		if atEOF && len(data) > 0 {
			return len(data), data, nil
		}
		return 0, nil, nil
	}
}

// splitStop marks the bytes a sentence end is written with: the ASCII
// ends, the second bytes of ؟ (D8 9F) and ۔ (DB 94), and the first byte of
// … and U+2029 (E2). A run without them holds no sentence end.
var splitStop = func() (t [256]byte) {
	for _, c := range []byte{'\n', '.', '!', '?', 0x9F, 0x94, 0xE2} {
		t[c] = 1
	}
	return t
}()

// quietBytes reports whether none of the nine bytes of b is a splitStop
// byte: the eight first hold no sentence end and the ninth ends none
// that starts among them. Stepping over the eight may land within a rune;
// splitSentences then steps over its continuation bytes one by one, as
// rune errors, and is back on the next rune as the byte loop would be.
func quietBytes(b []byte) bool {
	_ = b[8]
	return splitStop[b[0]]|splitStop[b[1]]|splitStop[b[2]]|splitStop[b[3]]|splitStop[b[4]]|
		splitStop[b[5]]|splitStop[b[6]]|splitStop[b[7]]|splitStop[b[8]] == 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// scanSentences reads r and calls f with each sentence and its byte offset.
func scanSentences(r io.Reader, max int, f func(off int, s string) error) error {
	sc := bufio.NewScanner(r)
	// The largest token is the larger of 2*max+UTFMax and 64 KiB, the
	// buffer's first size, unless the text is shorter: a text of known
	// length (a strings.Reader: one article) gets a buffer of its size.
	size, limit := 64<<10, 2*max+utf8.UTFMax
	if limit < size {
		limit = size
	}
	if l, ok := r.(interface{ Len() int }); ok {
		size = min(size, l.Len()+utf8.UTFMax)
	}
	sc.Buffer(make([]byte, 0, size), limit)
	sc.Split(splitSentences(max))
	off := 0
	for sc.Scan() {
		b := sc.Bytes()
		if err := f(off, string(b)); err != nil {
			return err
		}
		off += len(b)
	}
	return sc.Err()
}
