package graph

import (
	"errors"
	"fmt"
	"strconv"
)

// The kinds of error a store, a validation or an input parser returns.
// Callers test them with errors.Is; an *Error of that Kind satisfies it, and
// so does any error wrapping one of these (fmt.Errorf("...: %w", ErrX)).
var (
	// ErrNotFound: an actor, article or claim id that the store does not hold.
	ErrNotFound = errors.New("not found")
	// ErrInvalid: a malformed document, query or parameter.
	ErrInvalid = errors.New("invalid")
	// ErrUnavailable: the backing engine cannot be reached.
	ErrUnavailable = errors.New("store unavailable")
	// ErrNotSupported: the store does not implement the operation (review
	// on a store without it).
	ErrNotSupported = errors.New("not supported by this store")
	// ErrConflict: the decision does not fit the current state (rejecting
	// a claim already rejected, restoring one that is not, adding an actor
	// that exists).
	ErrConflict = errors.New("conflict")
)

// ErrorKinds lists every kind of Error, in the order above.
var ErrorKinds = []error{ErrNotFound, ErrInvalid, ErrUnavailable, ErrNotSupported, ErrConflict}

// Position is a place in an input file: its name and 1-based line (and
// column, 0 when unknown).
type Position struct {
	File   string
	Line   int
	Column int
}

// String formats the position as "file:line" or "file:line:column"; the zero
// Position is "".
func (p Position) String() string {
	if p.File == "" && p.Line == 0 {
		return ""
	}
	s := p.File + ":" + strconv.Itoa(p.Line)
	if p.Column > 0 {
		s += ":" + strconv.Itoa(p.Column)
	}
	return s
}

// Error is a domain error with its kind and a message meant for the user.
// Stores, validation and input parsers return it (usually wrapped with the
// operation by fmt.Errorf's %w); the web server maps Kind to an HTTP status
// and shows Message, the command line prints it. Nobody needs to parse
// Error().
type Error struct {
	// Kind is one of ErrorKinds; errors.Is(err, Kind) holds.
	Kind error
	// Field names the parameter, query field or document field at fault
	// ("depth", "ids", "new_claim.end"), or is "" when none.
	Field string
	// Message says what is wrong, for the user, without the operation or
	// the field: "4 is outside 1..3", `actor "x": not found`.
	Message string
	// Pos is the place in an input file, zero for other errors.
	Pos Position
	// Err is the underlying cause, or nil.
	Err error
}

// Error formats the error as "[file:line: ]kind: [field: ]message[: cause]"
// for logs; a not-found error's message says it already (`actor "x": not
// found`), so it has no kind prefix.
func (e *Error) Error() string {
	s := e.UserMessage()
	if e.Kind != nil && e.Kind != ErrNotFound {
		s = e.Kind.Error() + ": " + s
	}
	if p := e.Pos.String(); p != "" {
		s = p + ": " + s
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// UserMessage is the text a user is shown: "[field: ]message", without the
// kind, the position or the operation.
func (e *Error) UserMessage() string {
	if e.Field == "" {
		return e.Message
	}
	if e.Message == "" {
		return e.Field
	}
	return e.Field + ": " + e.Message
}

// Is reports whether target is e's Kind, so that errors.Is(err,
// ErrNotFound) holds for a not-found *Error.
func (e *Error) Is(target error) bool { return target != nil && target == e.Kind }

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// Invalidf returns an *Error of kind ErrInvalid about field.
func Invalidf(field, format string, args ...any) *Error {
	return &Error{Kind: ErrInvalid, Field: field, Message: fmt.Sprintf(format, args...)}
}

// NotFound returns an *Error of kind ErrNotFound naming what was looked for:
// NotFound("actor", "x") reads `actor "x": not found`.
func NotFound(what, id string) *Error {
	return &Error{Kind: ErrNotFound, Message: what + " " + strconv.Quote(id) + ": " + ErrNotFound.Error()}
}

// Conflictf returns an *Error of kind ErrConflict.
func Conflictf(format string, args ...any) *Error {
	return &Error{Kind: ErrConflict, Message: fmt.Sprintf(format, args...)}
}

// InputErrorf returns an *Error of kind ErrInvalid at a place in an input
// file.
func InputErrorf(pos Position, format string, args ...any) *Error {
	return &Error{Kind: ErrInvalid, Pos: pos, Message: fmt.Sprintf(format, args...)}
}

// AsError returns the outermost *Error in err's chain, or nil.
func AsError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}

// UserMessage returns the message a user is shown for err: the UserMessage
// of the *Error it holds, with the position of an input error. ok is false
// when err holds no *Error (an unexpected error, whose text is not for the
// user).
func UserMessage(err error) (msg string, ok bool) {
	e := AsError(err)
	if e == nil {
		return "", false
	}
	msg = e.UserMessage()
	if p := e.Pos.String(); p != "" {
		msg = p + ": " + msg
	}
	return msg, true
}
