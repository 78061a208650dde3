// params: none
// Rawabit export: neighbourhood of khalifa-haftar, depth 1 — "حفتر"
// 6 actors, 2 articles, 5 claims.
// Recreates them with MERGE on their ids: running the script twice changes nothing.
// Run with: cypher-shell -f FILE (each statement in its own transaction).

CREATE CONSTRAINT actor_id IF NOT EXISTS
FOR (n:Actor) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT article_id IF NOT EXISTS
FOR (n:Article) REQUIRE n.id IS UNIQUE;

MERGE (a:Actor {id: 'gna'})
SET a.name = 'Government of National Accord', a.name_ar = 'حكومة الوفاق', a.aliases = ['GNA', 'حكومة الوفاق الوطني'], a.aliases_text = 'GNA\nحكومة الوفاق الوطني', a.search_keys = ['government of national accord', 'حكومه الوفاق', 'gna', 'حكومه الوفاق الوطني'], a.kind = 'organisation', a.affiliation = null
REMOVE a:Person:State:Organisation
SET a:Organisation;

MERGE (a:Actor {id: 'khalifa-haftar'})
SET a.name = 'Khalifa Haftar', a.name_ar = 'خليفة حفتر', a.aliases = ['حفتر', 'المشير خليفة حفتر'], a.aliases_text = 'حفتر\nالمشير خليفة حفتر', a.search_keys = ['khalifa haftar', 'خليفه حفتر', 'حفتر', 'المشير خليفه حفتر'], a.kind = 'person', a.affiliation = 'lna'
REMOVE a:Person:State:Organisation
SET a:Person;

MERGE (a:Actor {id: 'lna'})
SET a.name = 'Libyan National Army', a.name_ar = 'الجيش الوطني الليبي', a.aliases = [], a.aliases_text = '', a.search_keys = ['libyan national army', 'الجيش الوطني الليبي'], a.kind = 'organisation', a.affiliation = null
REMOVE a:Person:State:Organisation
SET a:Organisation;

MERGE (a:Actor {id: 'muammar-gaddafi'})
SET a.name = 'Mu\'ammar al-Gaddafi', a.name_ar = 'معمر القذافي', a.aliases = ['القذافي', 'Mu\'ammar Qadhafi'], a.aliases_text = 'القذافي\nMu\'ammar Qadhafi', a.search_keys = ['mu ammar al gaddafi', 'معمر القذافي', 'القذافي', 'mu ammar qadhafi'], a.kind = 'person', a.affiliation = null
REMOVE a:Person:State:Organisation
SET a:Person;

MERGE (a:Actor {id: 'uae'})
SET a.name = 'United Arab Emirates', a.name_ar = 'الإمارات', a.aliases = ['أبوظبي'], a.aliases_text = 'أبوظبي', a.search_keys = ['united arab emirates', 'الامارات', 'ابوظبي'], a.kind = 'state', a.affiliation = null
REMOVE a:Person:State:Organisation
SET a:State;

MERGE (a:Actor {id: 'usa'})
SET a.name = 'United States', a.name_ar = 'الولايات المتحدة', a.aliases = ['واشنطن', 'USA'], a.aliases_text = 'واشنطن\nUSA', a.search_keys = ['united states', 'الولايات المتحده', 'واشنطن', 'usa'], a.kind = 'state', a.affiliation = null
REMOVE a:Person:State:Organisation
SET a:State;

MERGE (art:Article {id: '001_d522f629676ca2b6'})
SET art.title = 'واشنطن تدعم "حفتر"، وأبوظبي ترحب', art.source = 'الجزيرة نت', art.url = 'https://example.org/news/001?a=1&b=2', art.published = date('2020-01-15'), art.date_source = null, art.language = 'ar', art.sha256 = '929b7d200b0dc2e54f03f35770093c454ebfbdc72cbdb613986803c64bb1eabd';

MERGE (art:Article {id: '002_haftar_offensive'})
SET art.title = 'Haftar\'s offensive, day one', art.source = 'Reuters, Arabic service', art.url = null, art.published = null, art.date_source = null, art.language = 'ar', art.sha256 = '0721ec06cf6e0751b503a242b20d4e91ab640ec2554d7c5c51597d420e2f2201';

MATCH (a:Actor {id: 'khalifa-haftar'})
MATCH (b:Actor {id: 'lna'})
MERGE (a)-[:AFFILIATED_WITH]->(b);

MATCH (s:Actor {id: 'usa'})
MATCH (t:Actor {id: 'khalifa-haftar'})
MERGE (s)-[r:SUPPORTED {id: '2531e3bf21bfece9'}]->(t)
SET r.article = '002_haftar_offensive', r.quote = 'وتدعم الولايات المتحدة حفتر منذ سنوات', r.start = 125, r.end = 194, r.certainty = 'asserted', r.confidence = 0.9, r.extractor = 'rules/1', r.rule = '';

MATCH (s:Actor {id: 'uae'})
MATCH (t:Actor {id: 'lna'})
MERGE (s)-[r:SUPPORTED {id: '731ec5cf2784f20d'}]->(t)
SET r.article = '001_d522f629676ca2b6', r.quote = 'وأكدت الإمارات دعمها للجيش الوطني الليبي', r.start = 220, r.end = 295, r.certainty = 'asserted', r.confidence = 1.0, r.extractor = 'manual', r.rule = '';

MATCH (s:Actor {id: 'gna'})
MATCH (t:Actor {id: 'khalifa-haftar'})
MERGE (s)-[r:OPPOSED {id: '841d3949d9744048'}]->(t)
SET r.article = '002_haftar_offensive', r.quote = 'اتهمت حكومة الوفاق \'حفتر\' بالهجوم على طرابلس، وقالت: «لن نقبل» \\ بيان', r.start = 0, r.end = 123, r.certainty = 'alleged', r.confidence = 0.6, r.extractor = 'rules/1', r.rule = '';

MATCH (s:Actor {id: 'usa'})
MATCH (t:Actor {id: 'khalifa-haftar'})
MERGE (s)-[r:MET {id: 'b9f46fbb4cebaa21'}]->(t)
SET r.article = '001_d522f629676ca2b6', r.quote = 'والتقى المبعوث الأمريكي بالمشير خليفة حفتر في بنغازي', r.start = 121, r.end = 218, r.certainty = 'asserted', r.confidence = 0.75, r.extractor = 'rules/1', r.rule = '';

MATCH (s:Actor {id: 'usa'})
MATCH (t:Actor {id: 'khalifa-haftar'})
MERGE (s)-[r:SUPPORTED {id: 'fa952585b38e1a88'}]->(t)
SET r.article = '001_d522f629676ca2b6', r.quote = 'قالت واشنطن إنها "تدعم حفتر، وقواته, في الحرب" على الإرهاب', r.start = 15, r.end = 119, r.certainty = 'reported', r.confidence = 0.8, r.extractor = 'rules/1', r.rule = '';

