# Headings over a comment thread that name the post: a count, a comment noun, a preposition and
# the post's title in quotes ("25 thoughts on “How to ...”", "11 Responses to “Title”", "3 Gedanken zu „Titel“",
# "12 réflexions sur « Titre »", "4 pensieri su “Titolo”", "2 gedachten over “Titel”"). The
# title makes them longer than comment_headings.re's short headings. Matched (fullmatch) against
# Line.key; every pattern holds a stem of comment_headings.hints. Used by the region rules as an
# article terminator (chrome_labels.re removes the same lines as labels when they survive).
\d{1,5} (?:thoughts?|responses?|replies|comments?|reactions?) (?:on|to|for|about) ["“”„«»‹›‘’'] ?.{2,200}
\d{1,5} (?:gedanken|kommentare?|antworten|reaktionen) (?:zu|zum|zur|auf|über) ["“”„«»‹›‘’'] ?.{2,200}
\d{1,5} (?:réflexions?|commentaires?|réponses?|réactions?) (?:sur|à|au|aux|pour) ["“”„«»‹›‘’'] ?.{2,200}
\d{1,5} (?:comentarios?|comentários?|respuestas?|respostas?|pensamientos?|pensamentos?) (?:en|em|sobre|a|para|de|no|na) ["“”„«»‹›‘’'] ?.{2,200}
\d{1,5} (?:pensieri|commenti|commento|risposte) (?:su|a|per|sul|sulla) ["“”„«»‹›‘’'] ?.{2,200}
\d{1,5} (?:gedachten|reacties?) (?:over|op|bij) ["“”„«»‹›‘’'] ?.{2,200}
