# Chrome labels with a variable part (whole line, case-insensitive): comment counts over the
# comment list, author boxes with an article count, "powered by" footers.
# en / de / fr / es / it: "11 responses to “Title”", "142 Antworten zu Title", "3 thoughts on “Title”"
\d{1,5} (?:responses?|replies|comments?|thoughts|antworten|kommentare|réponses|commentaires|respuestas|comentarios|risposte|commenti) (?:to|on|zu|auf|à|sur|a|en|su) .{1,200}
# author box: "Über Luis Holuch 257 Artikel", "About Jane Doe 12 posts"
(?:über|about|à propos de|sobre|su) [^\d]{2,40} \d{1,5} (?:artikel|beiträge|articles|posts|artículos|articoli)
# "Simple theme. Powered by Blogger.", "Theme: Twenty Twenty by WordPress"
(?:[\w -]{1,30} theme\. )?powered by (?:blogger|wordpress|wordpress\.com|ghost|jekyll|hugo)\.?
