# Related-block headings with a variable part ("More from Al Jazeera", "Mehr aus Berlin").
# Whole line, case-insensitive, regex; only lines of RELATED_HEADING_MAX_WORDS words are checked.
# No bare "More <noun>": it heads a docs page's "More parameters", a shop's "More Results", a
# listing's own entries as often as a news site's "More World" teasers (issue 12: dropping it gave
# wcxb fold b +0.0022 / +0.0014 F1 and 3 / 4 fewer lost pages; fixtures/known-failures.json).
# en
more (?:from|on|about|in) [\w'’&.: -]{1,40}
more [\w'’&.-]{1,20} (?:news|stories|articles)
other (?:news|stories|articles) (?:from|on|about|in) [\w'’&.: -]{1,40}
(?:latest|top) (?:news|stories|articles) (?:from|on|in) [\w'’&.: -]{1,40}
(?:related|recommended|popular|trending) (?:articles?|stories|posts|news) (?:from|on|about|in) [\w'’&.: -]{1,40}
# de
mehr (?:von|aus|zu|über|zum thema) [\w'’&.: -]{1,40}
weitere (?:artikel|meldungen|nachrichten|beiträge) (?:von|aus|zu|zum thema|über) [\w'’&.: -]{1,40}
# fr
plus (?:de|d'|d’) (?:articles?|actualités|infos) (?:sur|de|du) [\w'’&.: -]{1,40}
(?:d'autres|autres) (?:articles?|actualités) (?:sur|de|du) [\w'’&.: -]{1,40}
# es
más (?:noticias|artículos) (?:de|sobre|en) [\w'’&.: -]{1,40}
# it
altr[ei] (?:notizie|articoli) (?:da|su|di) [\w'’&.: -]{1,40}
# pt
mais (?:notícias|artigos) (?:de|sobre|em) [\w'’&.: -]{1,40}
