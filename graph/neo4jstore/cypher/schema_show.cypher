// params: none
// Every index of the database as Open checks it against the schema Rawabit
// creates: an index or constraint of the same name but another shape (such as
// actor_names with another analyzer) is reported, not silently kept.
SHOW INDEXES
YIELD name, type, entityType, labelsOrTypes, properties, options, owningConstraint
RETURN name, type, entityType, labelsOrTypes, properties,
       options.indexConfig AS config, owningConstraint
