package main

import (
	"context"
	"fmt"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/memstore"
	"github.com/rawabit/rawabit/graph/neo4jstore"
)

// OpenStore opens the configured store: a new, empty memory store, or a
// connection to Neo4j (connectivity verified, schema applied). An unreachable
// Neo4j is an error wrapping graph.ErrUnavailable. The caller closes the
// store.
func (app *App) OpenStore(ctx context.Context) (graph.Store, error) {
	switch app.Config.Store {
	case StoreMemory:
		return memstore.New(), nil
	case StoreNeo4j:
		c := app.Config.Neo4j
		s, err := neo4jstore.Open(ctx, neo4jstore.Config{
			URI:      c.URI,
			Username: c.Username,
			Password: c.Password,
			Database: c.Database,

			OpenTimeout:        c.OpenTimeout,
			TransactionTimeout: c.TransactionTimeout,
		})
		if err != nil {
			return nil, err
		}
		return s, nil
	}
	return nil, fmt.Errorf("open store: unknown store %q (want %s or %s)", app.Config.Store, StoreMemory, StoreNeo4j)
}
