// params: article, props
// Creates or updates an article. $props holds title, source, url, published
// (a DATE or null), language, text and sha256; a null removes the property.
MERGE (art:Article {id: $article})
SET art += $props
