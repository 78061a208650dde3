package main

import (
	"fmt"

	"github.com/spf13/pflag"

	"github.com/rawabit/rawabit/graph"
)

// minConfidenceFlag is the flag of every command that keeps only claims of
// some confidence: extract, eval and export.
const minConfidenceFlag = "min-confidence"

// addMinConfidenceFlag registers --min-confidence on f, stored in v: the one
// definition of the flag the commands share.
func addMinConfidenceFlag(f *pflag.FlagSet, v *float64) {
	f.Float64Var(v, minConfidenceFlag, 0, "keep claims with at least this confidence, 0..1")
}

// confidenceFilter is the filter --min-confidence v stands for: a claim is
// kept when graph.Filter.MatchClaim says so (confidence >= v), the test the
// stores and the API apply. A v outside [0,1] is a usage error naming the
// flag.
func confidenceFilter(v float64) (graph.Filter, error) {
	f := graph.Filter{MinConfidence: v}
	if err := f.Validate(); err != nil {
		return f, usageError{fmt.Errorf("--%s: %w", minConfidenceFlag, err)}
	}
	return f, nil
}
