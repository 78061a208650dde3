// params: none
// TestSchemaMismatch: drops the full-text index so that another can take
// its name.
DROP INDEX actor_names IF EXISTS
