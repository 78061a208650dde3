package graph

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxArticleIDBytes is the longest article id, in bytes.
const MaxArticleIDBytes = 200

// MaxActorIDBytes is the longest actor id, in bytes.
const MaxActorIDBytes = 128

// ActorIDPattern is the shape of an actor id as a regular expression, for
// schemas (OpenAPI) and documentation; CheckActorID is the check itself and
// a test keeps the two equal.
const ActorIDPattern = `^[a-z0-9][a-z0-9._-]*$`

// CheckActorID checks an actor id: a slug of at most MaxActorIDBytes bytes
// of lower-case ASCII letters, digits, '-', '_' and '.', starting with a
// letter or digit ("khalifa-haftar"), so that every id can be put in a URL
// path, a Cypher parameter, an XML NMTOKEN and a file name as it is. The
// error wraps ErrInvalid and says what is wrong.
func CheckActorID(id string) error {
	switch {
	case id == "":
		return Invalidf("", "actor with empty id")
	case len(id) > MaxActorIDBytes:
		return Invalidf("", "actor id %.40q...: %d bytes, more than %d", id, len(id), MaxActorIDBytes)
	case !slugStart(id[0]):
		return Invalidf("", "actor id %q: want a lower-case letter or digit first", id)
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; !slugStart(c) && c != '-' && c != '_' && c != '.' {
			return Invalidf("", "actor id %q: want lower-case letters, digits, '-', '_' and '.'", id)
		}
	}
	return nil
}

func slugStart(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

// MaxNameBytes is the longest actor name, Arabic name or alias, and
// MaxTitleBytes the longest article title or source, in bytes.
const (
	MaxNameBytes  = 300
	MaxTitleBytes = 300
)

// CheckArticleID checks an article id: non-empty valid UTF-8 of at most
// MaxArticleIDBytes bytes, without '/', '\', control, format (bidi) or
// other invisible characters, and not "." or "..", so that every id can be
// put in a URL path and opened. The error wraps ErrInvalid and says what is
// wrong.
func CheckArticleID(id string) error {
	switch {
	case id == "":
		return Invalidf("", "article with empty id")
	case len(id) > MaxArticleIDBytes:
		return Invalidf("", "article id %.40q...: %d bytes, more than %d", id, len(id), MaxArticleIDBytes)
	case !utf8.ValidString(id):
		return Invalidf("", "article id %q: not valid UTF-8", id)
	case id == "." || id == "..":
		return Invalidf("", "article id %q: not a name", id)
	case strings.ContainsAny(id, `/\`):
		return Invalidf("", "article id %q: contains / or \\", id)
	case strings.IndexFunc(id, invisible) >= 0:
		return Invalidf("", "article id %q: contains a control or invisible character", id)
	}
	return nil
}

// invisible reports control characters (C0, C1), format characters (Cf:
// bidi controls, zero-width characters, the BOM) and the line and paragraph
// separators.
func invisible(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029'
}

// WebURL reports whether u may become a link: an absolute http or https URL
// with a host. javascript:, data:, file: and relative URLs may not.
func WebURL(u string) bool {
	p, err := url.Parse(u)
	return err == nil && p.Host != "" && (p.Scheme == "http" || p.Scheme == "https")
}

// IsBidiControl reports the explicit bidirectional formatting characters
// (U+202A to U+202E embeddings and overrides, U+2066 to U+2069 isolates),
// which reorder the text around them. The marks U+200E, U+200F and U+061C
// affect only neutral neighbours and are kept.
func IsBidiControl(r rune) bool {
	return r >= '\u202A' && r <= '\u202E' || r >= '\u2066' && r <= '\u2069'
}

// StripBidiControls returns s without its bidi controls (IsBidiControl) and
// how many it removed.
func StripBidiControls(s string) (string, int) {
	n := 0
	out := strings.Map(func(r rune) rune {
		if IsBidiControl(r) {
			n++
			return -1
		}
		return r
	}, s)
	return out, n
}
