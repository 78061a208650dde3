package graph

import "context"

// CheckedDocument is a Document that passed Validate. Only Document.Check
// makes one, so a store may take it without validating it again: a bulk
// writer checks documents on many cores, then stores them on one. The
// document shares its slices with the caller, who must not change them
// once checked. The zero value is not checked (Checked reports false).
type CheckedDocument struct {
	doc     Document
	checked bool
}

// Check validates d (see Validate) and returns it as a CheckedDocument, or
// Validate's error.
func (d Document) Check() (CheckedDocument, error) {
	if err := d.Validate(); err != nil {
		return CheckedDocument{}, err
	}
	return CheckedDocument{doc: d, checked: true}, nil
}

// CheckHashed is Check for a document whose Article.SHA256 the caller has
// just set from its Text with TextSHA256 (as the loader does when it reads
// an article): the text is not hashed a second time, everything else is
// checked as by Check.
func (d Document) CheckHashed() (CheckedDocument, error) {
	if err := d.validate(true); err != nil {
		return CheckedDocument{}, err
	}
	return CheckedDocument{doc: d, checked: true}, nil
}

// Document returns the document that was checked.
func (c CheckedDocument) Document() Document { return c.doc }

// Checked reports whether c was made by Document.Check (false for the zero
// value).
func (c CheckedDocument) Checked() bool { return c.checked }

// CheckedWriter is a Writer with a bulk path for documents already checked
// by Document.Check, such as the memory store: LoadChecked stores them in
// order, as successive LoadArticle calls would, without validating them
// again. A document that was not checked is ErrInvalid.
type CheckedWriter interface {
	Writer
	LoadChecked(ctx context.Context, docs []CheckedDocument) error
}
