// Package neo4jstore is a graph.Store on Neo4j 5, through the official Go
// driver (github.com/neo4j/neo4j-go-driver/v5).
//
// The data model, which docs/neo4j.md documents for people writing Cypher in
// the Neo4j console:
//
//	(:Actor:Person|:Actor:State|:Actor:Organisation
//	    {id, name, name_ar, aliases, aliases_text, search_keys, kind, affiliation})
//	(:Article {id, title, source, url, published, date_source, language, text, sha256})
//	(:Actor)-[:MET|SUPPORTED|OPPOSED {id, article, quote, start, end,
//	    certainty, confidence, extractor, rule}]->(:Actor)      one per claim
//	(:Actor)-[:MENTIONED_IN {count}]->(:Article)
//	(:Actor)-[:AFFILIATED_WITH]->(:Actor)
//
// Review (review.go) adds a status ('confirmed') and decision (a Decision
// key) to reviewed claim relationships, and:
//
//	(:Decision {key, seq, kind, reviewer, time, reason, claim, ...})-[:CONCERNS]->(:Actor|:Article)
//	(:Decision)-[:REJECTED]->(:RejectedClaim {id, type, source, target, article, quote, ..., status})
//	(:ReviewLog {id, seq})
//
// The labels, the properties of actors, articles and claims and the schema
// (indexes and constraints) are the tables of package model
// (graph/neo4jstore/model), which graph/export writes its Cypher and CSV
// exports with; TestModelAgreesWithCypher checks the .cypher files against
// them. aliases_text is the aliases joined by newlines (full-text indexes only
// index STRING properties) and search_keys the arabic.Normalize form of every
// name, which SearchActors scans with CONTAINS.
//
// Every Cypher statement lives in an embedded .cypher file under cypher/ and
// takes its values as parameters; labels and relationship types come from the
// fixed enums of package graph, never from input. Writes run in write
// transactions (one per article), reads in read transactions, so that a
// cluster routes them to readers. Neighbourhood and ShortestPaths use the
// shared traversals of package graph over one Cypher query per level, and
// SearchActors ranks with arabic.MatchScore, so that the answers are those of
// every other store.
package neo4jstore

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/rawabit/rawabit/graph"
)

// Config says how to reach Neo4j.
type Config struct {
	// URI is the server address: neo4j:// (routing, for clusters and
	// single servers), neo4j+s:// (routing over TLS) or bolt:// (one server
	// directly), e.g. "neo4j://localhost:7687".
	URI      string
	Username string
	Password string
	// Database is the database name; "" means the user's home database.
	Database string
	// MaxConnectionPoolSize caps the driver's connections; 0 means the
	// driver's default (100).
	MaxConnectionPoolSize int
	// ConnectTimeout bounds establishing one connection; 0 means the
	// driver's default (5s).
	ConnectTimeout time.Duration
	// OpenTimeout bounds Open as a whole: connecting, verifying the
	// connection and applying the schema; 0 means DefaultOpenTimeout. A
	// server that accepts connections but never answers fails Open with
	// graph.ErrUnavailable after this long.
	OpenTimeout time.Duration
	// TransactionTimeout bounds each transaction, the driver's retries
	// included (a context with an earlier deadline wins); 0 means
	// DefaultTransactionTimeout. A transaction that runs out of time fails
	// with graph.ErrUnavailable.
	TransactionTimeout time.Duration
}

// Defaults of Config.
const (
	DefaultOpenTimeout        = 60 * time.Second
	DefaultTransactionTimeout = 60 * time.Second
)

// Store is a graph.Store on Neo4j. It is safe for concurrent use.
type Store struct {
	driver    neo4j.DriverWithContext
	database  string
	bookmarks neo4j.BookmarkManager
	txTimeout time.Duration
	closed    atomic.Bool
	// faultAfter, when set (by tests only), is called after each statement
	// that writes a document, with its file name; an error fails the
	// transaction there.
	faultAfter func(file string) error
}

var _ graph.Store = (*Store)(nil)

// Open connects to Neo4j, verifies the connection and applies the schema
// (uniqueness constraints on Actor.id and Article.id, the full-text index
// actor_names with the arabic analyzer, claim indexes on the article
// property), waiting until the indexes are online, and checks them: one of
// those names with another shape (say actor_names with another analyzer) is
// a *SchemaError, which wraps graph.ErrInvalid.
//
// An empty URI or an unsupported scheme is graph.ErrInvalid. A server that
// cannot be reached, that refuses the credentials, or that does not answer
// within cfg.OpenTimeout is graph.ErrUnavailable; the error also wraps the
// driver's. Open returns as soon as ctx is cancelled (the driver itself only
// honours deadlines), with ctx's error; the abandoned connection attempt
// ends by itself within OpenTimeout.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	scheme, _, ok := strings.Cut(cfg.URI, "://")
	if !ok || !validScheme(scheme) {
		return nil, fmt.Errorf("neo4jstore: open: %w: uri %q: want a scheme of %s", graph.ErrInvalid, cfg.URI, strings.Join(URISchemes(), ", "))
	}
	timeout := cmp.Or(cfg.OpenTimeout, DefaultOpenTimeout)
	octx, cancel := context.WithTimeout(ctx, timeout)
	type opened struct {
		s   *Store
		err error
	}
	done := make(chan opened, 1)
	go func() {
		s, err := open(octx, cfg)
		done <- opened{s, err}
	}()
	select {
	case o := <-done:
		cancel()
		if o.err != nil && octx.Err() != nil {
			return nil, fmt.Errorf("neo4jstore: open %s: %w: no answer within %v: %w", cfg.URI, graph.ErrUnavailable, timeout, o.err)
		}
		return o.s, o.err
	case <-ctx.Done():
		go func() {
			defer cancel()
			if o := <-done; o.s != nil {
				o.s.Close(context.Background())
			}
		}()
		return nil, fmt.Errorf("neo4jstore: open %s: %w", cfg.URI, ctx.Err())
	}
}

// open is Open without the race against ctx's cancellation: the driver
// stops at ctx's deadline only.
func open(ctx context.Context, cfg Config) (*Store, error) {
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.Username, cfg.Password, ""), func(c *config.Config) {
		if cfg.MaxConnectionPoolSize > 0 {
			c.MaxConnectionPoolSize = cfg.MaxConnectionPoolSize
		}
		if cfg.ConnectTimeout > 0 {
			c.SocketConnectTimeout = cfg.ConnectTimeout
		}
		tx := cmp.Or(cfg.TransactionTimeout, DefaultTransactionTimeout)
		c.MaxTransactionRetryTime = min(c.MaxTransactionRetryTime, tx)
		c.ConnectionAcquisitionTimeout = min(c.ConnectionAcquisitionTimeout, tx)
	})
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: open %s: %w: %w", cfg.URI, graph.ErrInvalid, err)
	}
	if err := driver.VerifyConnectivity(ctx); err != nil {
		closeDriver(ctx, driver)
		return nil, fmt.Errorf("neo4jstore: open %s: %w: %w", cfg.URI, graph.ErrUnavailable, err)
	}
	s := &Store{
		driver:    driver,
		database:  cfg.Database,
		bookmarks: neo4j.NewBookmarkManager(neo4j.BookmarkManagerConfig{}),
		txTimeout: cmp.Or(cfg.TransactionTimeout, DefaultTransactionTimeout),
	}
	if err := s.applySchema(ctx); err != nil {
		closeDriver(ctx, driver)
		return nil, fmt.Errorf("neo4jstore: open %s: apply schema: %w", cfg.URI, classify(err))
	}
	return s, nil
}

// uriSchemes are the URI schemes the driver accepts: neo4j (routing, for a
// cluster or Aura) and bolt (one server), each plain, +s (TLS) or +ssc (TLS
// with a self-signed certificate).
var uriSchemes = []string{"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"}

// URISchemes returns the URI schemes Open accepts, in a fixed order; the
// configuration checks neo4j.uri against them.
func URISchemes() []string { return slices.Clone(uriSchemes) }

func validScheme(s string) bool { return slices.Contains(uriSchemes, s) }

// applySchema runs each schema statement in its own transaction (Neo4j does
// not mix schema and data changes in one), then checks the database's
// indexes against model.Schema: an index or constraint of one of Rawabit's
// names but another shape, which CREATE ... IF NOT EXISTS keeps, is a
// *SchemaError.
func (s *Store) applySchema(ctx context.Context) error {
	for _, st := range schema {
		_, err := neo4j.ExecuteQuery(ctx, s.driver, st.text, st.bind(noParams{}), neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(s.database),
			neo4j.ExecuteQueryWithWritersRouting(),
			neo4j.ExecuteQueryWithBookmarkManager(s.bookmarks))
		var nerr *neo4j.Neo4jError
		if errors.As(err, &nerr) && nerr.Code == codeEquivalentSchemaRule {
			// A retry of the statement met the index or constraint its
			// first attempt, lost on the way back, had created:
			// checkSchema checks it below.
			continue
		}
		if err != nil {
			return fmt.Errorf("%s: %w", st.file, err)
		}
	}
	return s.checkSchema(ctx)
}

// codeEquivalentSchemaRule is Neo4j's error for creating an index or
// constraint that exists, which IF NOT EXISTS does not prevent when two
// creations of it race (a statement and the driver's retry of it).
const codeEquivalentSchemaRule = "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists"

// errClosed is returned by every call after Close.
var errClosed = fmt.Errorf("%w: store is closed", graph.ErrUnavailable)

// Close closes the driver and its connections, within closeTimeout at most.
// Every later call fails with an error wrapping graph.ErrUnavailable;
// closing twice is a no-op.
func (s *Store) Close(ctx context.Context) error {
	if s.closed.Swap(true) {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, closeTimeout)
	defer cancel()
	if err := s.driver.Close(ctx); err != nil {
		return fmt.Errorf("neo4jstore: close: %w", err)
	}
	return nil
}

func (s *Store) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return s.driver.NewSession(ctx, neo4j.SessionConfig{
		AccessMode:      mode,
		DatabaseName:    s.database,
		BookmarkManager: s.bookmarks,
	})
}

// read runs work in a read transaction (retried by the driver on transient
// failures, so work must only assign its results, never append to them).
func (s *Store) read(ctx context.Context, work func(tx neo4j.ManagedTransaction) error) error {
	if s.closed.Load() {
		return errClosed
	}
	ctx, cancel := s.txContext(ctx)
	defer cancel()
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer closeSession(ctx, sess)
	_, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return nil, work(tx)
	})
	return s.classifyTx(ctx, err)
}

// closeTimeout bounds closing a session, which may talk to the server.
const closeTimeout = 5 * time.Second

// closeSession closes sess even when ctx is done, within closeTimeout.
func closeSession(ctx context.Context, sess neo4j.SessionWithContext) {
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), closeTimeout)
	defer cancel()
	sess.Close(cctx)
}

// closeDriver closes driver even when ctx is done, within closeTimeout.
func closeDriver(ctx context.Context, driver neo4j.DriverWithContext) {
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), closeTimeout)
	defer cancel()
	driver.Close(cctx)
}

// txContext bounds one transaction by the store's transaction timeout.
func (s *Store) txContext(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeoutCause(ctx, s.txTimeout, errTxTimeout)
}

// errTxTimeout is the cause of a transaction's context running out of time.
var errTxTimeout = errors.New("transaction time-out")

// classifyTx is classify for the error of a transaction run under a
// txContext: running out of the store's own time is graph.ErrUnavailable.
func (s *Store) classifyTx(ctx context.Context, err error) error {
	if err != nil && errors.Is(context.Cause(ctx), errTxTimeout) && !errors.Is(err, graph.ErrUnavailable) {
		return fmt.Errorf("%w: no answer within %v (the transaction time-out): %w", graph.ErrUnavailable, s.txTimeout, err)
	}
	return classify(err)
}

// write runs work in one write transaction: all of it is committed or none.
func (s *Store) write(ctx context.Context, work func(tx neo4j.ManagedTransaction) error) error {
	if s.closed.Load() {
		return errClosed
	}
	ctx, cancel := s.txContext(ctx)
	defer cancel()
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer closeSession(ctx, sess)
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return nil, work(tx)
	})
	return s.classifyTx(ctx, err)
}

// Clear deletes every Actor and Article with their relationships, and the
// review's Decision, RejectedClaim and ReviewLog nodes: the whole graph
// Rawabit keeps in the database, other labels left alone. It
// deletes clearBatch nodes per write transaction, so that a large graph does
// not outgrow Neo4j's transaction memory; a failure half-way leaves the
// graph partly deleted. Tests use it to start from an empty store.
func (s *Store) Clear(ctx context.Context) error {
	for {
		var deleted int64
		err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
			recs, err := run(ctx, tx, stmtClearDatabase, batchParams{Batch: clearBatch})
			if err != nil {
				return err
			}
			deleted, err = single[int64](recs, "deleted")
			return err
		})
		if err != nil {
			return fmt.Errorf("neo4jstore: clear: %w", err)
		}
		if deleted == 0 {
			return nil
		}
	}
}

// clearBatch is how many nodes one transaction of Clear deletes.
const clearBatch = 1000

// classify adds graph.ErrUnavailable to errors that mean the server cannot
// be reached or cannot serve now (after the driver's own retries).
func classify(err error) error {
	if err == nil || errors.Is(err, graph.ErrUnavailable) || !unavailable(err) {
		return err
	}
	return fmt.Errorf("%w: %w", graph.ErrUnavailable, err)
}

func unavailable(err error) bool {
	var conn *neo4j.ConnectivityError
	if errors.As(err, &conn) {
		return true
	}
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) {
		for _, e := range limit.Errors {
			if unavailable(e) {
				return true
			}
		}
		return false
	}
	var nerr *neo4j.Neo4jError
	if errors.As(err, &nerr) {
		return strings.HasPrefix(nerr.Code, "Neo.TransientError.") ||
			nerr.Code == "Neo.ClientError.Database.DatabaseNotFound" ||
			nerr.IsAuthenticationFailed()
	}
	return false
}

// Query runs one read-only Cypher statement in a read transaction and
// returns its rows, each a map from column to value as the driver gives it.
// text must be trusted Cypher, such as a cookbook file, with every value
// passed in params; a statement that writes fails. Errors wrap the
// driver's; an unreachable server is graph.ErrUnavailable.
func (s *Store) Query(ctx context.Context, text string, params map[string]any) ([]map[string]any, error) {
	var rows []map[string]any
	err := s.read(ctx, func(tx neo4j.ManagedTransaction) error {
		rows = nil
		res, err := tx.Run(ctx, text, params)
		if err != nil {
			return err
		}
		recs, err := res.Collect(ctx)
		if err != nil {
			return err
		}
		for _, r := range recs {
			rows = append(rows, r.AsMap())
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: query: %w", err)
	}
	return rows, nil
}

// Execute runs trusted Cypher statements, such as those of an export
// script, in order, each in its own write transaction as cypher-shell does
// (Neo4j does not mix schema and data changes in one), and stops at the
// first that fails. Every value must be a literal of the text or in params.
func (s *Store) Execute(ctx context.Context, statements []string, params map[string]any) error {
	for i, text := range statements {
		err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
			_, err := tx.Run(ctx, text, params)
			return err
		})
		if err != nil {
			return fmt.Errorf("neo4jstore: execute statement %d: %w", i+1, err)
		}
	}
	return nil
}
