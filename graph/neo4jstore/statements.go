package neo4jstore

import (
	"context"
	"embed"
	"fmt"
	"reflect"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

//go:embed cypher/*.cypher
var cypherFiles embed.FS

// A statement is one Cypher statement from an embedded .cypher file. Its
// parameters are the fields of P tagged `cypher:"name"`, so the Go compiler
// checks every call site and the unit tests check that the file uses exactly
// these names (and declares them in its `// params:` header).
type statement[P any] struct {
	file string
	text string
}

// registered describes a statement for the tests: its file and its
// parameter names in field order.
type registered struct {
	file   string
	params []string
}

// statements lists every statement declared below, in declaration order.
var statements []registered

func newStatement[P any](file string) statement[P] {
	b, err := cypherFiles.ReadFile("cypher/" + file)
	if err != nil {
		panic(fmt.Sprintf("neo4jstore: embedded statement %s: %v", file, err))
	}
	statements = append(statements, registered{file: file, params: paramNames(reflect.TypeFor[P]())})
	return statement[P]{file: file, text: string(b)}
}

func paramNames(t reflect.Type) []string {
	var names []string
	for i := range t.NumField() {
		f := t.Field(i)
		if name, ok := f.Tag.Lookup("cypher"); ok {
			names = append(names, name)
		}
	}
	return names
}

// bind returns the parameter map of p: one entry per tagged field.
func (s statement[P]) bind(p P) map[string]any {
	v := reflect.ValueOf(p)
	m := make(map[string]any, v.NumField())
	for i := range v.NumField() {
		if name, ok := v.Type().Field(i).Tag.Lookup("cypher"); ok {
			m[name] = v.Field(i).Interface()
		}
	}
	return m
}

// run executes s in tx and returns every record. Errors are the driver's,
// unwrapped, so that its retry logic still recognises them.
func run[P any](ctx context.Context, tx neo4j.ManagedTransaction, s statement[P], p P) ([]*neo4j.Record, error) {
	res, err := tx.Run(ctx, s.text, s.bind(p))
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// Parameter sets. Values are plain Go types the driver packs directly:
// string, int64, float64, []string, []map[string]any, map[string]any.
type (
	noParams struct{}
	idParams struct {
		ID string `cypher:"id"`
	}
	idsParams struct {
		IDs []string `cypher:"ids"`
	}
	articleParams struct {
		Article string `cypher:"article"`
	}
	mergeArticleParams struct {
		Article string         `cypher:"article"`
		Props   map[string]any `cypher:"props"`
	}
	actorsParams struct {
		Actors []map[string]any `cypher:"actors"`
	}
	affiliationsParams struct {
		Affiliations []map[string]any `cypher:"affiliations"`
	}
	claimsParams struct {
		Claims []map[string]any `cypher:"claims"`
	}
	mentionsParams struct {
		Article  string           `cypher:"article"`
		Mentions []map[string]any `cypher:"mentions"`
	}
	searchParams struct {
		Lucene string   `cypher:"lucene"`
		Needle string   `cypher:"needle"`
		Kinds  []string `cypher:"kinds"`
	}
	batchParams struct {
		Batch int64 `cypher:"batch"`
	}
	scanParams struct {
		Needle string   `cypher:"needle"`
		Kinds  []string `cypher:"kinds"`
	}
	linksParams struct {
		Frontier      []string `cypher:"frontier"`
		Types         []string `cypher:"types"`
		Certainties   []string `cypher:"certainties"`
		MinConfidence float64  `cypher:"min_confidence"`
		Since         any      `cypher:"since"` // neo4j.Date or nil
		Until         any      `cypher:"until"` // neo4j.Date or nil
	}
	claimsAmongParams struct {
		IDs           []string `cypher:"ids"`
		Types         []string `cypher:"types"`
		Certainties   []string `cypher:"certainties"`
		MinConfidence float64  `cypher:"min_confidence"`
		Since         any      `cypher:"since"`
		Until         any      `cypher:"until"`
	}
	overviewTopParams struct {
		Kinds         []string `cypher:"kinds"`
		Types         []string `cypher:"types"`
		Certainties   []string `cypher:"certainties"`
		MinConfidence float64  `cypher:"min_confidence"`
		Since         any      `cypher:"since"`
		Until         any      `cypher:"until"`
		Limit         int64    `cypher:"limit"`
	}
	overviewMonthsParams struct {
		Types         []string `cypher:"types"`
		Certainties   []string `cypher:"certainties"`
		MinConfidence float64  `cypher:"min_confidence"`
		Since         any      `cypher:"since"`
		Until         any      `cypher:"until"`
	}
	mentioningParams struct {
		ID    string `cypher:"id"`
		Limit int64  `cypher:"limit"`
	}
	claimsOfActorParams struct {
		ID            string   `cypher:"id"`
		Types         []string `cypher:"types"`
		Certainties   []string `cypher:"certainties"`
		MinConfidence float64  `cypher:"min_confidence"`
		Since         any      `cypher:"since"`
		Until         any      `cypher:"until"`
	}
	elementParams struct {
		Element string `cypher:"element"`
	}
	confirmParams struct {
		Decision string `cypher:"decision"`
		Element  string `cypher:"element"`
	}
	recordParams struct {
		Actors  []string       `cypher:"actors"`
		Article any            `cypher:"article"` // string or nil
		Key     string         `cypher:"key"`
		Props   map[string]any `cypher:"props"`
	}
	rejectParams struct {
		Claim    map[string]any `cypher:"claim"`
		Decision string         `cypher:"decision"`
	}
	updateRejectedParams struct {
		ID    string         `cypher:"id"`
		Props map[string]any `cypher:"props"`
	}
	ensureMentionsParams struct {
		Actors  []string `cypher:"actors"`
		Article string   `cypher:"article"`
	}
	keyParams struct {
		Key string `cypher:"key"`
	}
	limitParams struct {
		Limit int64 `cypher:"limit"`
	}
	mergeParams struct {
		From string `cypher:"from"`
		Into string `cypher:"into"`
	}
)

// The schema, applied in this order by Open. Every statement is idempotent.
var schema = []statement[noParams]{
	newStatement[noParams]("schema_actor_id.cypher"),
	newStatement[noParams]("schema_article_id.cypher"),
	newStatement[noParams]("schema_actor_names.cypher"),
	newStatement[noParams]("schema_met_article.cypher"),
	newStatement[noParams]("schema_supported_article.cypher"),
	newStatement[noParams]("schema_opposed_article.cypher"),
	newStatement[noParams]("schema_met_id.cypher"),
	newStatement[noParams]("schema_supported_id.cypher"),
	newStatement[noParams]("schema_opposed_id.cypher"),
	newStatement[noParams]("schema_decision_key.cypher"),
	newStatement[noParams]("schema_decision_claim.cypher"),
	newStatement[noParams]("schema_rejected_claim_id.cypher"),
	newStatement[noParams]("schema_review_log_id.cypher"),
	newStatement[noParams]("schema_await.cypher"),
}

// stmtSchemaShow lists the database's indexes for checkSchema.
var stmtSchemaShow = newStatement[noParams]("schema_show.cypher")

// Writes.
var (
	stmtClearArticle       = newStatement[articleParams]("clear_article.cypher")
	stmtMergeArticle       = newStatement[mergeArticleParams]("merge_article.cypher")
	stmtDeleteArticle      = newStatement[articleParams]("delete_article.cypher")
	stmtMergeActors        = newStatement[actorsParams]("merge_actors.cypher")
	stmtDeleteAffiliations = newStatement[idsParams]("delete_affiliations.cypher")
	stmtCreateAffiliations = newStatement[affiliationsParams]("create_affiliations.cypher")
	stmtCreateClaims       = newStatement[claimsParams]("create_claims.cypher")
	stmtCreateMentions     = newStatement[mentionsParams]("create_mentions.cypher")
	stmtClearDatabase      = newStatement[batchParams]("clear_database.cypher")
)

// Reads.
var (
	stmtActor          = newStatement[idParams]("actor.cypher")
	stmtActorsByIDs    = newStatement[idsParams]("actors_by_ids.cypher")
	stmtActorStats     = newStatement[idParams]("actor_stats.cypher")
	stmtSearchActors   = newStatement[searchParams]("search_actors.cypher")
	stmtSearchScan     = newStatement[scanParams]("search_actors_scan.cypher")
	stmtLinks          = newStatement[linksParams]("links.cypher")
	stmtClaimsAmong    = newStatement[claimsAmongParams]("claims_among.cypher")
	stmtClaimsOfActor  = newStatement[claimsOfActorParams]("claims_of_actor.cypher")
	stmtArticle        = newStatement[articleParams]("article.cypher")
	stmtArticleClaims  = newStatement[articleParams]("article_claims.cypher")
	stmtCounts         = newStatement[noParams]("counts.cypher")
	stmtOverviewTop    = newStatement[overviewTopParams]("overview_top.cypher")
	stmtOverviewMonths = newStatement[overviewMonthsParams]("overview_months.cypher")
	stmtMentioning     = newStatement[mentioningParams]("mentioning_articles.cypher")
)

// Review (review.go): every decision runs in one write transaction that
// first takes the review lock.
var (
	stmtReviewLock             = newStatement[noParams]("review_lock.cypher")
	stmtReviewClaim            = newStatement[idParams]("review_claim.cypher")
	stmtReviewClaimsOfActor    = newStatement[idParams]("review_claims_of_actor.cypher")
	stmtReviewDeleteClaim      = newStatement[elementParams]("review_delete_claim.cypher")
	stmtReviewConfirmClaim     = newStatement[confirmParams]("review_confirm_claim.cypher")
	stmtReviewRecord           = newStatement[recordParams]("review_record.cypher")
	stmtReviewReject           = newStatement[rejectParams]("review_reject.cypher")
	stmtReviewRejected         = newStatement[idParams]("review_rejected.cypher")
	stmtReviewRejectedOfActor  = newStatement[idParams]("review_rejected_of_actor.cypher")
	stmtReviewUpdateRejected   = newStatement[updateRejectedParams]("review_update_rejected.cypher")
	stmtReviewDeleteRejected   = newStatement[idParams]("review_delete_rejected.cypher")
	stmtReviewEnsureMentions   = newStatement[ensureMentionsParams]("review_ensure_mentions.cypher")
	stmtReviewQueue            = newStatement[limitParams]("review_queue.cypher")
	stmtReviewRejectedList     = newStatement[limitParams]("review_rejected_list.cypher")
	stmtReviewMergeMentions    = newStatement[mergeParams]("review_merge_mentions.cypher")
	stmtReviewMergeAffiliation = newStatement[mergeParams]("review_merge_affiliations.cypher")
	stmtReviewMergeDecisions   = newStatement[mergeParams]("review_merge_decisions.cypher")
	stmtReviewDeleteActor      = newStatement[idParams]("review_delete_actor.cypher")
	stmtReviewLog              = newStatement[noParams]("review_log.cypher")
	stmtReviewRecorded         = newStatement[keyParams]("review_recorded.cypher")
	stmtReviewRecordedBefore   = newStatement[keyParams]("review_recorded_before.cypher")
)
