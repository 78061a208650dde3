// Package data holds Rawabit's shipped data, embedded in the binary so that
// a rawabit copied anywhere works: the gazetteer folder, the extractor's
// trigger lexicon, the seed articles, the curated claims and the
// corrections. The files are the ones of this folder; rawabit reads a file
// from disk when its configured path exists, and the embedded copy of a
// default path otherwise (see cmd/rawabit).
package data

import "embed"

// FS holds the shipped data files, at their paths relative to this folder
// (gazetteer/offices.yaml, triggers.yaml, articles/..., claims.yaml,
// corrections.yaml, pairmodel.json: the extractor's pair model, off unless
// passed to extract.WithPairModel). The default configuration paths are these paths under
// "data/".
//
//go:embed gazetteer/*.yaml triggers.yaml articles claims.yaml corrections.yaml pairmodel.json
var FS embed.FS

// Dir is the folder, relative to the project root, whose files FS holds: a
// default data path is Dir + "/" + its path in FS.
const Dir = "data"
