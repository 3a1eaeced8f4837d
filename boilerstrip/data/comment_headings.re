# Headings over a comment thread that carry a count or a qualifier ("167 comments",
# "Kommentare (3)", "Top Rated Comments"). Matched (fullmatch) against Line.key, i.e. the line
# case-folded with its outer decorations stripped ("[ 167 comments ]" -> "167 comments",
# "Kommentare (3)" -> "kommentare (3"). Used by the region rules as an article terminator.
# (comment_widget.txt: empty-widget lines removed anywhere; chrome_labels.re: "N responses to <title>".)
# en
\d{1,5} (?:comments?|responses?|replies|reactions)
(?:comments?|responses|replies|reactions) ?[(\[:]? ?\d{1,5}[)\]]?
(?:top|top rated|most popular|highest rated|best|reader|readers|readers'|all|latest|newest|recent|user|featured) (?:comments|responses|replies)
(?:read|view|see|show|load) all \d{0,5} ?comments
# de
\d{1,5} (?:kommentare?|reaktionen|antworten|leserkommentare)
(?:kommentare?|leserkommentare|reaktionen) ?[(\[:]? ?\d{1,5}[)\]]?
(?:alle|neueste|beliebteste|top) (?:kommentare|leserkommentare)
alle \d{1,5} kommentare (?:anzeigen|lesen)
# fr
\d{1,5} (?:commentaires?|réactions?|réponses?)
(?:commentaires?|réactions?) ?[(\[:]? ?\d{1,5}[)\]]?
(?:tous les|les derniers|derniers) commentaires
# es / pt
\d{1,5} (?:comentarios?|comentários?|respuestas|respostas)
(?:comentarios?|comentários?) ?[(\[:]? ?\d{1,5}[)\]]?
(?:todos los|últimos|los últimos|todos os|últimos) (?:comentarios|comentários)
# it
\d{1,5} (?:commenti|commento|risposte)
(?:commenti|commento) ?[(\[:]? ?\d{1,5}[)\]]?
(?:tutti i|ultimi|gli ultimi) commenti
# nl
\d{1,5} (?:reacties?)
reacties? ?[(\[:]? ?\d{1,5}[)\]]?
