// params: key
// Whether the decision with the given key is recorded.
RETURN EXISTS { MATCH (:Decision {key: $key}) } AS recorded
