package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/export"
)

func init() { register(newExportCmd) }

// exportFlags are the flags of "rawabit export".
type exportFlags struct {
	center        string
	depth         int
	limit         int
	maxNeighbours int
	ids           []string
	from, to      string
	maxLength     int
	types         []string
	kinds         []string
	certainties   []string
	minConfidence float64
	format        string
	output        string
}

func newExportCmd(app *App) *cobra.Command {
	var fl exportFlags
	cmd := &cobra.Command{
		Use:   "export (--center ID | --ids A,B,... | --from ID --to ID) [--format FORMAT] [-o FILE]",
		Short: "Export a subgraph for Gephi, Cytoscape, Neo4j or a spreadsheet",
		Long: `Export a subgraph: the neighbourhood of an actor (--center, --depth), a list
of actors (--ids) or the shortest paths between two actors (--from, --to),
filtered by --types, --kinds, --certainties and --min-confidence, in one of
these formats (--format):

  graphml    GraphML with typed keys (Gephi, Cytoscape, yEd, NetworkX)
  gexf       GEXF 1.3, Gephi's own format
  json       Cytoscape.js JSON (Cytoscape, the Rawabit viewer)
  csv        zip of nodes.csv, edges.csv, articles.csv for Gephi's spreadsheet import
  neo4j-csv  zip of CSV files for neo4j-admin database import
  cypher     Cypher script of MERGE statements (idempotent)
  jsonl      one claim per line, the shape "rawabit extract" writes

Every edge keeps its provenance: claim ids, quotes, articles, certainty and
confidence. The output goes to stdout, or to -o FILE (written whole or not at
all; a directory gets the default name, such as rawabit-khalifa-haftar.gexf).
With the memory store the configured corpus is loaded first.`,
		Example: `  rawabit export --center khalifa-haftar --depth 2 --format gexf -o haftar.gexf
  rawabit export --center usa --types supported,opposed --min-confidence 0.7 --format graphml -o .
  rawabit export --ids usa,uae,khalifa-haftar --format csv -o gephi.zip
  rawabit export --from khalifa-haftar --to usa --format cypher > paths.cypher
  RAWABIT_STORE=neo4j rawabit export --center lna --format neo4j-csv -o lna.zip`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := app.runExport(cmd.Context(), fl); err != nil {
				return fmt.Errorf("export: %w", err)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&fl.center, "center", "", "export the neighbourhood of this actor id")
	f.IntVar(&fl.depth, "depth", 1, fmt.Sprintf("neighbourhood depth, 1..%d", graph.MaxDepth))
	f.IntVar(&fl.limit, "limit", 0, fmt.Sprintf("largest number of actors (with --center, default %d) or of paths (with --from/--to, default %d)", graph.DefaultMaxNodes, graph.DefaultLimit))
	f.IntVar(&fl.maxNeighbours, "max-neighbours", 0, fmt.Sprintf("new neighbours per expanded actor (default %d)", graph.DefaultMaxNeighbours))
	f.StringSliceVar(&fl.ids, "ids", nil, "export these actors (comma-separated ids) and the claims among them")
	f.StringVar(&fl.from, "from", "", "export the shortest paths from this actor id (with --to)")
	f.StringVar(&fl.to, "to", "", "export the shortest paths to this actor id (with --from)")
	f.IntVar(&fl.maxLength, "max", export.DefaultPathLength, fmt.Sprintf("largest number of hops of a path, 1..%d", graph.MaxPathLength))
	f.StringSliceVar(&fl.types, "types", nil, "relation types to keep: met, supported, opposed (default all)")
	f.StringSliceVar(&fl.kinds, "kinds", nil, "actor kinds to reach: person, state, organisation (default all)")
	f.StringSliceVar(&fl.certainties, "certainties", nil, "certainties to keep: asserted, reported, alleged (default all)")
	addMinConfidenceFlag(f, &fl.minConfidence)
	f.StringVar(&fl.format, "format", string(export.GraphML), "graphml, gexf, json, csv, neo4j-csv, cypher or jsonl")
	f.StringVarP(&fl.output, "output", "o", "", "write to this file, or into this directory under the default name (default stdout)")
	addDataFlags(cmd, app)
	return cmd
}

// selection builds the export selection from the flags. Errors wrap
// graph.ErrInvalid and name the flag.
func (fl exportFlags) selection() (export.Selection, error) {
	sel := export.Selection{
		Center: fl.center, Depth: fl.depth, MaxNeighbours: fl.maxNeighbours,
		IDs: fl.ids, From: fl.from, To: fl.to, MaxLength: fl.maxLength,
	}
	if fl.from != "" || fl.to != "" {
		sel.Limit = fl.limit
	} else {
		sel.MaxNodes = fl.limit
	}
	var err error
	if sel.Filter.Types, err = parseList(fl.types, "--types", graph.ParseRelationType); err != nil {
		return sel, err
	}
	if sel.Filter.Kinds, err = parseList(fl.kinds, "--kinds", graph.ParseKind); err != nil {
		return sel, err
	}
	if sel.Filter.Certainties, err = parseList(fl.certainties, "--certainties", graph.ParseCertainty); err != nil {
		return sel, err
	}
	sel.Filter.MinConfidence = fl.minConfidence
	if err := sel.Filter.Validate(); err != nil {
		return sel, fmt.Errorf("--min-confidence: %w", err)
	}
	return sel, sel.Validate()
}

// parseList parses every item of a list flag, naming the flag in errors.
func parseList[T any](items []string, flag string, parse func(string) (T, error)) ([]T, error) {
	var out []T
	for _, s := range items {
		v, err := parse(s)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", flag, err)
		}
		out = append(out, v)
	}
	return out, nil
}

// runExport selects the subgraph from the configured store (loading the
// corpus into a memory store first) and writes it.
func (app *App) runExport(ctx context.Context, fl exportFlags) error {
	format, err := export.ParseFormat(fl.format)
	if err != nil {
		return usageError{fmt.Errorf("--format: %w", err)}
	}
	sel, err := fl.selection()
	if err != nil {
		return usageError{err}
	}
	if fl.output == "" && (format == export.GephiCSV || format == export.Neo4jCSV) && isTerminal(app.Stdout) {
		return usageError{fmt.Errorf("--format %s writes a zip: give -o FILE", format)}
	}

	store, err := app.OpenStore(ctx)
	if err != nil {
		return err
	}
	defer func() {
		if err := store.Close(context.WithoutCancel(ctx)); err != nil {
			app.Logger.Warn("close store", "err", err)
		}
	}()
	if app.Config.Store == StoreMemory {
		sum, _, err := app.loadCorpus(ctx, store, app.Config.Data.Articles, false, true)
		if err != nil {
			return fmt.Errorf("load corpus: %w", err)
		}
		logSummary(app.Logger, sum)
	}

	in, err := export.Select(ctx, store, sel)
	if err != nil {
		return err
	}
	if fl.output == "" {
		return export.Write(ctx, app.Stdout, format, in)
	}
	path := fl.output
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		path = filepath.Join(path, format.FileName(sel.BaseName()))
	}
	removed, err := removeStaleTemps(path, time.Now())
	for _, f := range removed {
		app.Logger.Info("removed a temporary file left by an interrupted export", "file", f)
	}
	if err != nil {
		app.Logger.Warn("removing temporary files left by interrupted exports", "err", err)
	}
	if err := writeFileAtomic(path, func(w io.Writer) error { return export.Write(ctx, w, format, in) }); err != nil {
		return err
	}
	app.Logger.Info("exported", "file", path, "format", format,
		"actors", len(in.Subgraph.Nodes), "claims", len(in.Subgraph.Claims), "articles", len(in.Articles))
	return nil
}

// tempPrefix is the name of writeFileAtomic's temporary files for path,
// before their random suffix.
func tempPrefix(path string) (dir, prefix string) {
	dir, base := filepath.Split(path)
	return cmp.Or(dir, "."), "." + strings.TrimPrefix(base, ".") + ".tmp-"
}

// staleTempAge is how long a temporary file of writeFileAtomic must have
// gone unmodified before removeStaleTemps takes it for the leftover of a
// killed export rather than one being written.
const staleTempAge = 10 * time.Minute

// removeStaleTemps removes the temporary files of writeFileAtomic for path
// (left when the process was killed) not modified for staleTempAge before
// now, and returns their names.
func removeStaleTemps(path string, now time.Time) ([]string, error) {
	dir, prefix := tempPrefix(path)
	matches, err := filepath.Glob(filepath.Join(dir, globEscape(prefix)+"*"))
	if err != nil {
		return nil, err
	}
	var removed []string
	var errs []error
	for _, m := range matches {
		info, err := os.Lstat(m)
		if err != nil || !info.Mode().IsRegular() || now.Sub(info.ModTime()) < staleTempAge {
			continue
		}
		if err := os.Remove(m); err != nil {
			errs = append(errs, err)
			continue
		}
		removed = append(removed, m)
	}
	return removed, errors.Join(errs...)
}

// globEscape escapes the metacharacters of filepath.Match in s.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// writeFileAtomic writes path through a temporary file in the same
// directory, synced to disk and then renamed into place only when write,
// sync and close succeed; the directory is synced after the rename. A
// crash leaves either the old file or the new one whole, and at worst a
// temporary file that a later export removes (removeStaleTemps).
func writeFileAtomic(path string, write func(io.Writer) error) (err error) {
	dir, prefix := tempPrefix(path)
	tmp, err := os.CreateTemp(dir, prefix+"*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return errors.Join(err, os.Remove(tmp.Name()))
	}
	if d, err := os.Open(dir); err == nil { // make the rename durable
		d.Sync()
		d.Close()
	}
	return nil
}
