# Headings over a comment thread that name the post: a count, a comment noun, a preposition and
# the post's title in quotes ("25 thoughts on “How to ...”", "11 Responses to “Title”", "3 Gedanken zu „Titel“",
# "12 réflexions sur « Titre »", "4 pensieri su “Titolo”", "2 gedachten over “Titel”"). The
# title makes them longer than comment_headings.re's short headings. Matched (fullmatch) against
# Line.key; every pattern holds a stem of comment_headings.hints. Used by the region rules as an
# article terminator (chrome_labels.re removes the same lines as labels when they survive).
\d{1,5} (?:thoughts?|responses?|replies|comments?|reactions?) (?:on|to|for|about) ["“”„«»‹›‘’'] ?.{2,200}
\d{1,5} (?:gedanken?|kommentare?|antworten|antwort|reaktionen|reaktion) (?:zu|zum|zur|auf|über) ["“”„«»‹›‘’'] ?.{2,200}
\d{1,5} (?:réflexions?|commentaires?|réponses?|réactions?) (?:sur|à|au|aux|pour) ["“”„«»‹›‘’'] ?.{2,200}
\d{1,5} (?:comentarios?|comentários?|respuestas?|respostas?|pensamientos?|pensamentos?) (?:en|em|sobre|a|para|de|no|na) ["“”„«»‹›‘’'] ?.{2,200}
\d{1,5} (?:pensieri|pensiero|commenti|commento|risposte|risposta) (?:su|a|per|sul|sulla) ["“”„«»‹›‘’'] ?.{2,200}
\d{1,5} (?:gedachten?|reacties?) (?:over|op|bij) ["“”„«»‹›‘’'] ?.{2,200}
# The same headings with the count of one spelled out, as blog themes print a thread of a single
# comment in their translations ("One thought on “Title”", "One Reply to “Title”", "Ein Gedanke
# zu „Titel“", "Une réflexion sur « Titre »", "Un comentario en «Título»", "Um comentário em
# “Título”", "Un pensiero su “Titolo”", "Eén reactie op “Titel”", "En tanke om ”Titel”",
# "Jeden komentarz do „Tytuł”", "Один комментарий к «Заголовок»").
# en
(?:one|a single) (?:thought|response|reply|comment|reaction) (?:on|to|for|about) ["“”„«»‹›‘’'] ?.{2,200}
# de
(?:ein|einen) (?:gedanke|gedanken|kommentar) (?:zu|zum|zur|auf|über) ["“”„«»‹›‘’'] ?.{2,200}
eine (?:antwort|reaktion) (?:zu|zum|zur|auf|über) ["“”„«»‹›‘’'] ?.{2,200}
# fr
une (?:réflexion|réponse|réaction) (?:sur|à|au|aux|pour) ["“”„«»‹›‘’'] ?.{2,200}
un commentaire (?:sur|à|au|aux|pour) ["“”„«»‹›‘’'] ?.{2,200}
# es / pt
(?:un|una|um|uma) (?:comentario|comentário|respuesta|resposta|pensamiento|pensamento) (?:en|em|sobre|a|ao|para|de|no|na) ["“”„«»‹›‘’'] ?.{2,200}
# it
(?:un|uno|una) (?:pensiero|commento|risposta) (?:su|a|per|sul|sulla|in) ["“”„«»‹›‘’'] ?.{2,200}
# nl
(?:één|eén|een) (?:gedachte|reactie) (?:over|op|bij|voor) ["“”„«»‹›‘’'] ?.{2,200}
# sv / da / nb
(?:en|én|ett|et|ét) (?:tanke|kommentar|svar) (?:om|på|til|till|for|för) ["“”„«»‹›‘’'] ?.{2,200}
# pl
(?:jedna|jeden) (?:myśl|komentarz|odpowiedź) (?:na temat|do|na|o) ["“”„«»‹›‘’'] ?.{2,200}
# ru
(?:одна|один) (?:мысль|комментарий|ответ) (?:о|об|на|к|по) ["“”„«»‹›‘’'] ?.{2,200}
