package extract

import (
	"cmp"
	"slices"

	"github.com/rawabit/rawabit/graph"
)

func sortMentions(ms []graph.Mention) {
	slices.SortFunc(ms, func(a, b graph.Mention) int { return cmp.Compare(a.Actor, b.Actor) })
}
