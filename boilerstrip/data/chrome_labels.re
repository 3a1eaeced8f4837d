# Chrome labels with a variable part (whole line, case-insensitive): comment counts over the
# comment list, author boxes with an article count, "powered by" footers.
# en / de / fr / es / it: "11 responses to “Title”", "142 Antworten zu Title", "3 thoughts on “Title”"
\d{1,5} (?:responses?|replies|comments?|thoughts|antworten|kommentare|réponses|commentaires|respuestas|comentarios|risposte|commenti) (?:to|on|zu|auf|à|sur|a|en|su) .{1,200}
# author box: "Über Luis Holuch 257 Artikel", "About Jane Doe 12 posts"
(?:über|about|à propos de|sobre|su) [^\d]{2,40} \d{1,5} (?:artikel|beiträge|articles|posts|artículos|articoli)
# "Simple theme. Powered by Blogger.", "Theme: Twenty Twenty by WordPress"
(?:[\w -]{1,30} theme\. )?powered by (?:blogger|wordpress|wordpress\.com|ghost|jekyll|hugo)\.?
# reading time: "5 min read", "Lesedauer: 8 Min.", "Temps de lecture : 3 minutes" (a byline may lead)
(?:.{1,80} )?\d{1,3}\s?(?:min|mins|minute|minutes)\.? read
(?:lesedauer|lesezeit|reading time|read time|temps de lecture|tiempo de lectura|tempo di lettura|tempo de leitura)\s?:?\s?(?:ca\.\s?|etwa\s|about\s|environ\s)?\d{1,3}\s?(?:min\.?|minuten|minutes|minutos|minuti)
# a download link with its file type and size: "Informationsschreiben PDF | 38 KB | nicht barrierefrei"
.{1,200}\b(?:pdf|docx?|xlsx?|pptx?|zip|odt|mp3)\s?[|(,·–-]\s?\d{1,4}(?:[.,]\d{1,2})?\s?(?:kb|mb|kib|mib|ko|mo|kbyte|mbyte)\b.{0,100}
# photo-gallery counters: "1 / 9", "Image 1 of 9", "Bild 3 von 12", "Foto 2 de 5", "Photo 4 sur 10"
\d{1,3} ?(?:/|of|von|de|di|sur) ?\d{1,3}
(?:image|photo|picture|slide|bild|foto|imagen|immagine|diapositive|diapositiva) \d{1,3} ?(?:/|of|von|de|di|sur) ?\d{1,3}
